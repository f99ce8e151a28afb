import Database
import Hummingbird
import Synchronization

/// `/work`: where a signed-in person lands. Each role's worklist is a set of links into the
/// lists that exist (pledges, feedback, entities), each with how many rows it shows; a panel
/// member goes straight to their panel's space.
struct WorklistController {
    let pool: ConnectionPool
    let versions: DataVersion
    /// The secretariat's queue is the same for every member of the secretariat (it depends on
    /// the role only), so it is kept until the data version changes, like the cached pages.
    let queue = LatestQueue()

    final class LatestQueue: Sendable {
        private let latest = Mutex<(version: Int, queue: WorklistQueries.Secretariat)?>(nil)

        func get(_ pool: ConnectionPool, _ versions: DataVersion, wrote: Int?, reader: Int) async throws -> WorklistQueries.Secretariat {
            let version = try await versions.current(atLeast: wrote).version
            if let kept = latest.withLock({ $0 }), kept.version == version { return kept.queue }
            let queue = try await pool.withConnection { connection in try WorklistQueries.secretariat(reader, on: connection) }
            latest.withLock { $0 = (version, queue) }
            return queue
        }
    }

    func addRoutes(to routes: inout RouteTable) {
        routes.get("/work", .signedIn, show)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        guard let user = context.user else { throw HTTPError(.unauthorized) }
        let staff = user.roles.subtracting([.panelMember])
        if staff.isEmpty {
            let panel = try await pool.withConnection { connection in try WorklistQueries.memberPanel(user.id, on: connection) }
            return .seeOther(panel.map { "/panels/\($0)" } ?? "/feedback")
        }
        let secretariat = user.has(.secretariat) ? try await queue.get(pool, versions, wrote: context.wrote, reader: user.id) : nil
        let work = try await pool.withConnection { connection in
            WorklistPage.Work(
                focalPoint: user.has(.focalPoint) ? try WorklistQueries.focalPoint(user.id, on: connection) : nil,
                secretariat: secretariat,
                facilitator: user.has(.panelFacilitator) ? try WorklistQueries.facilitator(user.id, on: connection) : nil,
                entitiesWithoutFocalPoint: user.has(.admin) && !user.has(.secretariat)
                    ? try WorklistQueries.entitiesWithoutFocalPoint(on: connection) : nil,
                isAdmin: user.has(.admin),
                unreadNotices: try WorklistQueries.unreadSecurityNotices(user.id, on: connection))
        }
        return try HTMLResponse(WorklistPage(work: work), request, context).response(from: request, context: context)
    }
}
