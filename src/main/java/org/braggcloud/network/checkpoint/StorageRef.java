package org.braggcloud.network.checkpoint;

/**
 * What a checkpoint's persistent id points to: the zip entry {@code data/<key>} holding
 * {@code numel} elements of {@code type}. Kept symbolic so the pickle can be read before any
 * storage bytes are touched.
 */
record StorageRef(TorchStorageType type, String key, long numel) {}
