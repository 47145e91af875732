package org.braggcloud.cloud;

import java.util.Arrays;

/**
 * A growable list of point indices, reused across queries so that radius searches in a hot loop
 * allocate nothing once the buffer has grown to the largest neighbourhood. Not thread-safe: keep
 * one per worker.
 */
public final class IndexBuffer {

	private int[] data;
	private int size;

	public IndexBuffer() {
		this(64);
	}

	public IndexBuffer(final int capacity) {
		data = new int[Math.max(1, capacity)];
	}

	public int size() {
		return size;
	}

	public int get(final int k) {
		if (k >= size)
			throw new IndexOutOfBoundsException(k + " >= " + size);
		return data[k];
	}

	public void clear() {
		size = 0;
	}

	public void add(final int index) {
		if (size == data.length)
			data = Arrays.copyOf(data, data.length * 2);
		data[size++] = index;
	}

	/** Appends {@code count} indices from {@code src} starting at {@code from}. */
	public void addAll(final int[] src, final int from, final int count) {
		if (size + count > data.length)
			data = Arrays.copyOf(data, Math.max(size + count, data.length * 2));
		System.arraycopy(src, from, data, size, count);
		size += count;
	}

	/** The backing array; only its first {@link #size()} entries are meaningful. */
	public int[] array() {
		return data;
	}

	/** A copy of the stored indices. */
	public int[] toArray() {
		return Arrays.copyOf(data, size);
	}
}
