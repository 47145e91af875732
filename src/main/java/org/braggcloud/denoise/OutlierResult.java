package org.braggcloud.denoise;

import org.braggcloud.cloud.PointCloud;

/**
 * What {@link OutlierRemoval} decided: the kept points, their indices in the input (ascending),
 * each input point's mean neighbour distance, and the mean, sample standard deviation and
 * threshold of those distances. When the cloud has fewer than 2 points nothing is removed and
 * the statistics are 0. Arrays are owned by the record; do not modify them.
 */
public record OutlierResult(PointCloud kept, int[] keptIndices, double[] meanDistances, double mean,
	double standardDeviation, double threshold)
{
}
