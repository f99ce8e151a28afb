import Database
import Metrics
import Prometheus

/// Prometheus metrics for `/metrics`: swift-metrics is bootstrapped once per process with
/// swift-prometheus, so Hummingbird's `MetricsMiddleware` (requests by route template, method
/// and status, and their latency) and the database layer (query latency, errors by SQLSTATE)
/// report here. Labels carry route templates and codes only: never an id, a path as typed, or
/// anything a person wrote.
public enum AppMetrics {
    public static let registry = PrometheusCollectorRegistry()

    /// Makes swift-metrics report to `registry`; safe to call more than once (tests build many apps).
    public static func bootstrap() {
        _ = installed
    }

    private static let installed: Void = MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))

    /// The connection pool's state, read when metrics are scraped.
    static func record(_ pool: ConnectionPool.Statistics) {
        gauge("open", "connections", "Database connections open or being opened").set(Double(pool.open))
        gauge("in_use", "connections", "Database connections lent out now").set(Double(pool.open - pool.idle))
        gauge("waiting", "requests", "Requests waiting for a connection now").set(Double(pool.waiting))
        gauge("waited", "requests", "Requests that have had to wait for a connection, since start").set(Double(pool.waitsTotal))
        gauge("timed_out", "requests", "Requests that gave up waiting for a connection, since start").set(Double(pool.timeoutsTotal))
    }

    /// Refusals of visitors who are not signed in (403s, failed sign-ins at unknown accounts,
    /// throttled attempts): counted here by kind, not written to the audit log one row each,
    /// where a scan could fill it.
    static func anonymousDenial(_ kind: String) {
        Counter(label: "pledgetrack_anonymous_denials", dimensions: [("kind", kind)]).increment()
    }

    private static func gauge(_ name: String, _ unit: String, _ help: String) -> Prometheus.Gauge {
        registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "pledgetrack", subsystem: "db_pool", metricName: name, unitName: unit, helpText: help))
    }
}
