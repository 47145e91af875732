#!/usr/bin/env bash
# Resident memory of a 50-epoch Train Autoencoder run: makes a small set with the project's own
# commands (a simulated 4 x 4 scan, clouds of 512 points), samples the JVM's VmRSS once a second
# into docs/figures/training-memory.csv (seconds,rss_mb) and draws docs/figures/training-memory.png
# with ImageJ's Plot (scripts/benchmarks/RssPlot.java). No Python.
#
#   scripts/benchmarks/training-memory.sh [epochs] [work-folder]
set -euo pipefail

HOME_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EPOCHS="${1:-50}"
WORK="${2:-$(mktemp -d)}"
FIGURES="$HOME_DIR/docs/figures"
CSV="$FIGURES/training-memory.csv"
PNG="$FIGURES/training-memory.png"
BC="$HOME_DIR/scripts/bragg-cloud"
mkdir -p "$FIGURES" "$WORK"

"$BC" --help >/dev/null  # builds first if the sources changed, outside the measured run
"$BC" --run "Simulate Nanodiffraction Scan" "output='$WORK/scan',nx=4,ny=4,overwrite=true" >/dev/null 2>&1
"$BC" --run "Scan to Point Clouds" "scan='$WORK/scan/scan.json',output='$WORK/clouds',points=512,align=false,overwrite=true" >/dev/null 2>&1

# bragg-cloud execs java, so the background job's pid is the JVM's
"$BC" --run "Train Autoencoder" \
  "clouds='$WORK/clouds/clouds.h5',output='$WORK/model',epochs=$EPOCHS,points=512,overwrite=true" \
  >"$WORK/train.log" 2>&1 &
PID=$!
echo "seconds,rss_mb" >"$CSV"
START=$(date +%s.%N)
while kill -0 "$PID" 2>/dev/null; do
  RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" 2>/dev/null || true)
  if [ -n "$RSS_KB" ]; then
    awk -v now="$(date +%s.%N)" -v start="$START" -v kb="$RSS_KB" \
      'BEGIN { printf "%.1f,%.1f\n", now - start, kb / 1024 }' >>"$CSV"
  fi
  sleep 1
done
wait "$PID" || { echo "training failed, see $WORK/train.log" >&2; tail -20 "$WORK/train.log" >&2; exit 1; }

java -Djava.awt.headless=true -cp "$HOME_DIR/target/classes:$(cat "$HOME_DIR/target/runtime-classpath.txt")" \
  "$HOME_DIR/scripts/benchmarks/RssPlot.java" "$CSV" "$PNG" "Train Autoencoder, $EPOCHS epochs, 16 clouds x 512 points"
awk -F, 'NR == 2 { first = $2 } NR > 1 { last = $2; if ($2 > max) max = $2; n++ }
  END { printf "samples=%d start_rss_mb=%s end_rss_mb=%s max_rss_mb=%s\n", n, first, last, max }' "$CSV"
echo "csv: $CSV  png: $PNG  work: $WORK"
