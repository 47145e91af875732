package org.braggcloud.pipeline;

/** Features of the clouds, one row per cloud in the clouds' order, with a name per column. */
record FeatureSet(float[][] rows, String[] columns) {}
