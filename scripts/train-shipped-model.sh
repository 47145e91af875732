#!/usr/bin/env bash
# Trains the FoldingNet that ships inside the plugin, from nothing but this repository:
#   1. a simulated corpus: one scan per robustness regime, turned into clouds by the pipeline's
#      own preparation and cloud steps (Make Training Corpus);
#   2. FoldingNet trained on it (Train Autoencoder), with a checkpoint every epoch, so a run that
#      is stopped can be resumed with RESUME=<model folder or checkpoint>;
#   3. the best model's model.json and weights copied to the plugin's resources, where the
#      pipeline and Extract Features find it.
#
#   scripts/train-shipped-model.sh [epochs]
#
# Settings (environment): REGIMES (axes), SCAN_SIZE (24x18), PEAK_SHARES (0.2: the pipeline's
# cut; 0.2,0 adds each scan's uncut clouds, whole rods), SEED (100 for the corpus, 1 for
# training), WORK (/tmp/bragg-cloud-shipped), THREADS (all cores), RESUME (empty).
set -euo pipefail
cd "$(dirname "$0")/.."
EPOCHS=${1:-8}
REGIMES=${REGIMES:-axes}
SCAN_SIZE=${SCAN_SIZE:-24x18}
PEAK_SHARES=${PEAK_SHARES:-0.2}
SEED=${SEED:-100}
WORK=${WORK:-/tmp/bragg-cloud-shipped}
THREADS=${THREADS:-0}
RESUME=${RESUME:-}
mkdir -p "$WORK"
if [ ! -d "$WORK/corpus" ]; then
  scripts/bragg-cloud --run "Make Training Corpus" \
    "output='$WORK/corpus',regimes='$REGIMES',scan_size='$SCAN_SIZE',peak_shares='$PEAK_SHARES',seed=$SEED,threads=$THREADS"
fi
resume_key=""
if [ -n "$RESUME" ]; then resume_key=",resume='$RESUME'"; fi
scripts/bragg-cloud --run "Train Autoencoder" \
  "clouds='$WORK/corpus',output='$WORK/model',epochs=$EPOCHS,batch=16,points=512,k=16,grid='plane',normalize=true,learning_rate=0.001,seed=1,checkpoint_every=1,overwrite=true$resume_key"
target=src/main/resources/org/braggcloud/network/shipped
rm -rf "$target"
mkdir -p "$target"
cp "$WORK/model/checkpoints/best/model.json" "$target/"
cp -r "$WORK/model/checkpoints/best/weights" "$target/"
cp "$WORK/model/loss.csv" "$target/loss.csv"
echo "shipped model from $WORK/model/checkpoints/best; rebuild the plugin to include it"
