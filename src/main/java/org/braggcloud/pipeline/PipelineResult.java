package org.braggcloud.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.braggcloud.clustering.CountCurve;
import org.braggcloud.io.results.ClusterTable;

/**
 * What a pipeline run produced, for a caller that shows it (the files are already written).
 *
 * @param labels per scan point (ny x nx): 0 outside the mask, 1..k inside
 * @param maps the conventional maps, each ny x nx
 * @param seconds wall time of each step, in order
 */
public record PipelineResult(Path output, int nx, int ny, double stepUm, boolean[] mask, Map<String, float[]> maps,
	int[] labels, int k, ClusterTable clusters, List<CountCurve> curves, Map<PipelineStep, Double> seconds)
{}
