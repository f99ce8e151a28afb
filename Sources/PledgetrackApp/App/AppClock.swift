import Database
import Foundation

/// The app's one clock: today's date (UTC), which overdue, stale and the cache keys depend on.
/// A test pins it for the work it runs with `AppClock.$pinned.withValue(day) { … }`.
enum AppClock {
    @TaskLocal static var pinned: CalendarDate?

    static var today: CalendarDate {
        pinned ?? CalendarDate(dayNumber: Int(Date().timeIntervalSince1970.rounded(.down)) / 86_400)
    }
}
