package org.policysearch.web;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/** A clock the test moves, so bucket refills are exact and never depend on how fast the machine is. */
final class ManualClock implements TimeMeter {

    private long nanos;

    @Override
    public synchronized long currentTimeNanos() {
        return nanos;
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }
}
