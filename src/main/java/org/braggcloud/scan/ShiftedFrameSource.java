package org.braggcloud.scan;

import java.io.IOException;

/**
 * The frames of one rocking angle as seen after drift correction: frame (x, y) is taken from
 * scan position (x + dx, y + dy) of the stored frames, interpolated bilinearly between the four
 * nearest scan points when the shift is fractional. Positions beyond the scan edge take the
 * nearest edge frame. Nothing is copied: frames are read as they are requested.
 * <p>
 * Convention (as in {@code shifts.csv}): a feature at (y, x) in angle 0 appears at
 * (y + dy, x + dx) in this angle.
 */
final class ShiftedFrameSource extends ForwardingFrameSource {

	private final ScanGrid grid;
	private final double dy, dx;

	ShiftedFrameSource(final FrameSource source, final ScanGrid grid, final double dy, final double dx) {
		super(source);
		this.grid = grid;
		this.dy = dy;
		this.dx = dx;
	}

	@Override
	public void read(final int first, final int count, final float[][] dest, final int offset) throws IOException {
		if (count < grid.nx()) {
			// Few frames (random access): read just the 2 x 2 neighbours of each, not whole scan rows.
			for (int i = 0; i < count; i++)
				readOne(first + i, dest[i], offset);
			return;
		}
		final int plane = rows() * columns();
		final int nx = grid.nx(), ny = grid.ny();
		// Source rows needed by this run of frames: from the first frame's row to the last one's.
		final int yFirst = grid.y(first), yLast = grid.y(first + count - 1);
		final int y0 = (int) clampPosition(yFirst + dy, ny), y1 = Math.min(ny - 1, (int) clampPosition(yLast + dy, ny) + 1);
		final int srcFirst = y0 * nx, srcCount = (y1 - y0 + 1) * nx;
		final float[][] src = new float[srcCount][plane];
		source.read(srcFirst, srcCount, src, 0);
		for (int i = 0; i < count; i++) {
			final int f = first + i;
			final double sx = clampPosition(grid.x(f) + dx, nx), sy = clampPosition(grid.y(f) + dy, ny);
			final int ix = Math.min((int) sx, nx - 1), iy = Math.min((int) sy, ny - 1);
			final int jx = Math.min(ix + 1, nx - 1), jy = Math.min(iy + 1, ny - 1);
			final float wx = (float) (sx - ix), wy = (float) (sy - iy);
			final float[] a = src[iy * nx + ix - srcFirst], b = src[iy * nx + jx - srcFirst];
			final float[] c = src[jy * nx + ix - srcFirst], d = src[jy * nx + jx - srcFirst];
			final float wa = (1 - wx) * (1 - wy), wb = wx * (1 - wy), wc = (1 - wx) * wy, wd = wx * wy;
			final float[] out = dest[i];
			for (int p = 0; p < plane; p++)
				out[offset + p] = wa * a[p] + wb * b[p] + wc * c[p] + wd * d[p];
		}
	}

	private void readOne(final int frame, final float[] out, final int offset) throws IOException {
		final int plane = rows() * columns(), nx = grid.nx(), ny = grid.ny();
		final double sx = clampPosition(grid.x(frame) + dx, nx), sy = clampPosition(grid.y(frame) + dy, ny);
		final int ix = Math.min((int) sx, nx - 1), iy = Math.min((int) sy, ny - 1);
		final int jx = Math.min(ix + 1, nx - 1), jy = Math.min(iy + 1, ny - 1);
		final float[][] top = new float[jx - ix + 1][plane], bottom = new float[jx - ix + 1][plane];
		source.read(iy * nx + ix, top.length, top, 0);
		source.read(jy * nx + ix, bottom.length, bottom, 0);
		final float wx = (float) (sx - ix), wy = (float) (sy - iy);
		final float[] a = top[0], b = top[top.length - 1], c = bottom[0], d = bottom[bottom.length - 1];
		final float wa = (1 - wx) * (1 - wy), wb = wx * (1 - wy), wc = (1 - wx) * wy, wd = wx * wy;
		for (int p = 0; p < plane; p++)
			out[offset + p] = wa * a[p] + wb * b[p] + wc * c[p] + wd * d[p];
	}

	/** A source position kept inside the scan: beyond the edge the edge frame stands in. */
	private static double clampPosition(final double v, final int n) {
		return Math.max(0, Math.min(n - 1, v));
	}






}
