package org.braggcloud.registration;

/**
 * A measured displacement of angle {@code to} relative to angle {@code from}, one edge of the
 * graph that {@link DriftSolver} turns into per-angle drifts.
 */
record PairShift(int from, int to, Shift shift) {
}
