package org.braggcloud.simulation;

import java.util.List;

/**
 * What a {@link SampleModel} really contains, for validating analyses. All maps are ny*nx,
 * row-major (index y*nx + x), in the undrifted frame of angle 0. Map accessors return copies,
 * so callers that read them in a loop should keep the array.
 */
public final class GroundTruth {

	private final int nx;
	private final int ny;
	private final int[] labels;
	private final float[] thickness;
	private final float[] peakRow;
	private final float[] peakColumn;
	private final float[] peakAngleDeg;
	private final float[] strain;
	private final float[] tiltX;
	private final float[] tiltY;
	private final double[][] driftPx;
	private final List<Domain> domains;
	private final Particle particle;
	private final int[] hotPixels;
	private final int[] deadColumns;
	private final int[] deadRows;
	private final List<TruncationRod> referenceRods;

	GroundTruth(int nx, int ny, int[] labels, float[] thickness, float[] peakRow, float[] peakColumn,
				float[] peakAngleDeg, float[] strain, float[] tiltX, float[] tiltY, double[][] driftPx,
				List<Domain> domains, Particle particle, int[] hotPixels, int[] deadColumns, int[] deadRows,
				List<TruncationRod> referenceRods) {
		this.nx = nx;
		this.ny = ny;
		this.labels = labels;
		this.thickness = thickness;
		this.peakRow = peakRow;
		this.peakColumn = peakColumn;
		this.peakAngleDeg = peakAngleDeg;
		this.strain = strain;
		this.tiltX = tiltX;
		this.tiltY = tiltY;
		this.driftPx = driftPx;
		this.domains = List.copyOf(domains);
		this.particle = particle;
		this.hotPixels = hotPixels;
		this.deadColumns = deadColumns;
		this.deadRows = deadRows;
		this.referenceRods = List.copyOf(referenceRods);
	}

	public int nx() {
		return nx;
	}

	public int ny() {
		return ny;
	}

	/** 0 outside the particle, 1..domains inside (the domain's {@link Domain#label()}). */
	public int[] labels() {
		return labels.clone();
	}

	/** Relative thickness 0..1. */
	public float[] thickness() {
		return thickness.clone();
	}

	/** Row of the main peak centre, detector pixels from 0; NaN outside. */
	public float[] peakRow() {
		return peakRow.clone();
	}

	/** Column of the main peak centre, detector pixels from 0; NaN outside. */
	public float[] peakColumn() {
		return peakColumn.clone();
	}

	/** Rocking angle of the main peak centre, degrees (same scale as anglesDeg); NaN outside. */
	public float[] peakAngleDeg() {
		return peakAngleDeg.clone();
	}

	/** -dq_z/|h| of the main peak, crystal frame; NaN outside. */
	public float[] strain() {
		return strain.clone();
	}

	/** dq_x/|h| of the main peak, crystal frame (tilt probed by rocking); NaN outside. */
	public float[] tiltX() {
		return tiltX.clone();
	}

	/** dq_y/|h| of the main peak, crystal frame; NaN outside. */
	public float[] tiltY() {
		return tiltY.clone();
	}

	/** [angle] -> {dy, dx}: a feature at (y, x) in angle 0 appears at (y + dy, x + dx) in that angle. */
	public double[][] driftPx() {
		double[][] copy = new double[driftPx.length][];
		for (int i = 0; i < driftPx.length; i++) {
			copy[i] = driftPx[i].clone();
		}
		return copy;
	}

	public List<Domain> domains() {
		return domains;
	}

	/** The particle outline (angle-0 frame). */
	public Particle particle() {
		return particle;
	}

	/** Hot detector pixels, as row * columns + column. */
	public int[] hotPixels() {
		return hotPixels.clone();
	}

	/** Detector columns that always read 0, ascending. */
	public int[] deadColumns() {
		return deadColumns.clone();
	}

	/** Detector rows that always read 0, ascending. */
	public int[] deadRows() {
		return deadRows.clone();
	}

	/**
	 * The particle's reference truncation rods (its facets), which each faceted domain varies as
	 * its {@link FacetKind} says; empty for blob peaks.
	 */
	public List<TruncationRod> referenceRods() {
		return referenceRods;
	}
}
