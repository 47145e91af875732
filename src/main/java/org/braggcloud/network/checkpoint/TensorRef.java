package org.braggcloud.network.checkpoint;

/**
 * A tensor as the pickle describes it ({@code _rebuild_tensor_v2} arguments): a view of a storage
 * with an element offset, a size and a stride, all in elements.
 */
record TensorRef(StorageRef storage, long offset, int[] size, long[] stride) {}
