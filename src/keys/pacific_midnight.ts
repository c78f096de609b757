/**
 * When Gemini's daily quotas reset: midnight in Pacific time (`America/Los_Angeles`), daylight
 * saving time included.
 * @module
 */

/**
 * The formatter of Pacific wall-clock times, made on first use: building it loads the time zone
 * data (tens of milliseconds), which only a quota failure needs, so not at start.
 */
let pacific: Intl.DateTimeFormat | undefined;

function pacificFormat(): Intl.DateTimeFormat {
  return pacific ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Los_Angeles",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
}

/** The Pacific wall-clock time at `time`, as if it were UTC (milliseconds, seconds precision). */
function pacificWallClock(
  time: number,
): { wall: number; year: number; month: number; day: number } {
  const parts: Record<string, number> = {};
  for (const { type, value } of pacificFormat().formatToParts(time)) parts[type] = Number(value);
  const { year, month, day, hour, minute, second } = parts;
  return { wall: Date.UTC(year, month - 1, day, hour, minute, second), year, month, day };
}

/** The first midnight in Pacific time strictly after `now` (epoch milliseconds). */
export function nextPacificMidnight(now: number): number {
  const { year, month, day } = pacificWallClock(now);
  const midnightWall = Date.UTC(year, month - 1, day + 1);
  // Pacific time is UTC-8 or UTC-7: 8 hours after that wall-clock midnight as UTC is midnight or
  // 1 am there, before the clocks change at 2 am, so its offset is midnight's.
  const probe = midnightWall + 8 * 3600_000;
  const offset = pacificWallClock(probe).wall - probe;
  return midnightWall - offset;
}
