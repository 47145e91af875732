package org.braggcloud.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.braggcloud.geometry.DiffractometerGeometry;
import org.braggcloud.geometry.Mat3;
import org.braggcloud.scan.ScanGrid;

/**
 * Synthetic Bragg nanodiffraction data: a crystalline particle rastered by a nanobeam at a series
 * of rocking angles, giving for each scan pixel a 3D volume (detector row x column x angle).
 *
 * <h2>Sample</h2>
 * The particle is an ellipse in the scan plane ({@link Particle}) with the projected thickness
 * of an ellipsoid, {@code sqrt(1 - r^2)}. It is split into domains: the Voronoi cells of seeded
 * random centres, evaluated in continuous scan coordinates. Each domain ({@link Domain}) has a
 * strain, two lattice tilts, a gentle linear strain gradient and lattice bend (tiltX gradient),
 * peak widths, and a kind:
 * <ul>
 *   <li>{@code SINGLE}: one Gaussian peak;</li>
 *   <li>{@code SPLIT}: two sub-grains, finer than the beam, with a small relative tilt, so two
 *       peaks of unequal weight (the main one carries the ground-truth parameters);</li>
 *   <li>{@code STREAK}: one peak elongated along a direction, as planar defects (stacking
 *       faults) elongate reciprocal-lattice points along the fault normal.</li>
 * </ul>
 *
 * <h2>Diffraction</h2>
 * Around the scattering vector h of the nominal geometry ({@link DiffractometerGeometry}) the
 * intensity of a scan pixel is a 3D Gaussian in q centred at {@code h + dq}, where in the
 * crystal frame {@code dq = (tiltX, tiltY, -strain) * |h|}, so that {@code strain = -dq_z/|h|}
 * (expanded lattice, smaller |q|, smaller 2-theta) and {@code tilt = dq_x/|h|, dq_y/|h|}. The
 * covariance is diagonal in the crystal frame: x (the rocking direction) from mosaic spread plus
 * beam convergence, y from mosaic spread, z from finite size and strain inhomogeneity; a STREAK
 * adds a rank-one term along its direction. The Gaussian is carried to voxel space through
 * labToVoxel (volume centre = ((cols-1)/2, (rows-1)/2, (angles-1)/2) is q = h), where it stays
 * Gaussian, and is evaluated at integer voxels within 4.5 sigma. The amplitude is
 * {@code peakCounts * thickness}: the integrated expected counts of the pixel.
 *
 * <h2>Default magnitudes (12 keV, delta 18.1, gamma 28.5, 0.5 m, 55 um pixels, 0.1 deg steps)</h2>
 * |h| = 5555 / um; one detector pixel is 1.06 / um, one angle step 8.15 / um in q. Then
 * strain 1e-3 moves the peak ~5.4 px (and 0.2 step), tiltX 1e-3 moves it 0.68 angle step,
 * tiltY 1e-3 ~5.3 px. Defaults: strain and tilts uniform in +-1e-3 (strainAmplitude,
 * tiltAmplitude), widths sigma_x 1.5..2.0e-3 (1.0..1.4 angle steps, 4-6 angles lit),
 * sigma_y,z 3.2..4.2e-4 (about 2 px sigma, 5 px FWHM on the detector), streaks 7..9e-4
 * (4-5 px sigma along the streak).
 *
 * <h2>Faceted peaks ({@link PeakStyle#FACETED})</h2>
 * The core is the Gaussian above (kind {@code FACETED}); through it run two or three truncation
 * rods ({@link TruncationRod}), lines in q with a Lorentzian fall-off along them and a narrow
 * Gaussian profile across, mapped through the same crystalToVoxel, so strain and tilts move the
 * whole pattern. The particle draws one reference pattern (its facets); each domain varies it as
 * its {@link FacetKind} says. A faceted pattern is normalised to unit sum over the volume seen at
 * its domain centre, so {@code peakCounts} keeps its meaning of counts in the volume.
 * {@link Builder#peakMaximum} instead fixes the brightest voxel, for either style.
 *
 * <h2>Measurement</h2>
 * The sample drifts between rocking scans: pixel (x, y) at angle i samples the sample at
 * {@code (x - dx_i, y - dy_i)} (a smooth random walk, zero at angle 0). Frames add a uniform
 * background, Poisson noise (exact inversion below a mean of 30, normal approximation above)
 * and hot pixels (fixed seeded detector pixels reading 500-5000 counts in 95 % of frames). The
 * fluorescence map is proportional to thickness at the drifted position, with Poisson noise.
 * Optionally, diffuse fluorescence reaches the detector too ({@link Builder#fluorescenceCounts}:
 * proportional to the thickness under the beam, a fixed +-20 % gradient over the detector, the
 * same at every angle), and dead detector columns and rows read 0 ({@link Builder#deadColumns}).
 *
 * <p>The model is immutable: frame methods only read it, so they are safe to call from many
 * threads at once, each with its own random generator. Frames cost O(background pixels +
 * peak bounding box); the per-position work is a nearest-centre search over the domains.
 */
public final class SampleModel {

	/** Probability that a hot pixel fires in a given frame. */
	static final double HOT_PIXEL_DUTY = 0.95;
	static final double HOT_PIXEL_MIN = 500;
	static final double HOT_PIXEL_MAX = 5000;

	private final DiffractometerGeometry geometry;
	private final int nx;
	private final int ny;
	private final double stepUm;
	private final int rows;
	private final int cols;
	private final double[] anglesDeg;
	private final PeakStyle peakStyle;
	/** Integrated counts of a full-thickness pixel (given, or derived from the peak maximum). */
	private final double peakCounts;
	private final double peakMaximumCounts;
	private final double backgroundCounts;
	private final double fluorescenceCounts;
	private final FluorescencePattern fluorescence;
	private final DeadDetectorLines deadLines;
	private final double expNegBackground;
	private final double xrfCounts;
	private final double xrfBackground;
	private final Particle particle;
	private final List<Domain> domains;
	private final double[][] drift;
	private final int[] hotPixels;
	private final double[] hotLevels;

	/** Crystal-frame q (units of |h|) to voxel offset: labToVoxel * crystalToLab * |h|. */
	private final double[][] crystalToVoxel;
	private final double[] centreVoxel;
	private final PeakShape[] mainShapes;
	/** Per domain: second sub-grain shape and its voxel offset from the main peak, or null. */
	private final PeakShape[] secondShapes;
	private final double[][] secondOffsets;
	/** Per domain: the truncation rods of a faceted peak, or null for a blob. */
	private final RodShape[][] rodShapes;
	/** Per domain: factor that gives a faceted pattern unit integral over the volume (1 for blobs). */
	private final double[] shapeScale;
	private final List<TruncationRod> referenceRods;
	private final GroundTruth truth;

	private SampleModel(Builder b) {
		// the grid's own checks first: positive sizes, and nx x ny within one array (long arithmetic)
		new ScanGrid(b.nx, b.ny, b.stepUm);
		this.nx = b.nx;
		this.ny = b.ny;
		this.stepUm = b.stepUm;
		this.rows = b.detectorRows;
		this.cols = b.detectorColumns;
		this.anglesDeg = b.anglesDeg.clone();
		this.peakStyle = b.peakStyle;
		this.backgroundCounts = b.backgroundCounts;
		this.fluorescenceCounts = b.fluorescenceCounts;
		this.expNegBackground = Math.exp(-b.backgroundCounts);
		this.xrfCounts = b.xrfCounts;
		this.xrfBackground = b.xrfBackground;
		double step = anglesDeg[1] - anglesDeg[0];
		this.geometry = b.geometry.rockingStepDeg(step).build();
		double h = geometry.hNorm();
		this.crystalToVoxel = scale(Mat3.multiply(geometry.labToVoxel(), geometry.crystalToLab()), h);
		this.centreVoxel = new double[] {(cols - 1) / 2.0, (rows - 1) / 2.0, (anglesDeg.length - 1) / 2.0};

		// Independent streams, so e.g. changing hotPixels does not reshuffle the domains.
		SplittableRandom master = new SplittableRandom(b.seed);
		SplittableRandom particleRng = master.split();
		SplittableRandom domainRng = master.split();
		SplittableRandom driftRng = master.split();
		SplittableRandom hotRng = master.split();
		// New streams come after the old ones, so blob models keep their draws.
		SplittableRandom facetRng = master.split();
		SplittableRandom fluorescenceRng = master.split();
		SplittableRandom deadRng = master.split();

		this.drift = DriftPath.create(driftRng, anglesDeg.length, b.maxDriftPx);
		this.particle = makeParticle(particleRng, nx, ny, b.maxDriftPx);
		if (peakStyle == PeakStyle.FACETED) {
			this.referenceRods = FacetFactory.reference(facetRng);
			this.domains = DomainFactory.create(domainRng, particle, b.domains, b.kinds,
				b.strainAmplitude, b.tiltAmplitude, b.facetKinds, referenceRods, facetRng);
		} else {
			this.referenceRods = List.of();
			this.domains = DomainFactory.create(domainRng, particle, b.domains, b.kinds,
				b.strainAmplitude, b.tiltAmplitude);
		}

		int d = domains.size();
		this.mainShapes = new PeakShape[d];
		this.secondShapes = new PeakShape[d];
		this.secondOffsets = new double[d][];
		this.rodShapes = new RodShape[d][];
		this.shapeScale = new double[d];
		Arrays.fill(shapeScale, 1.0);
		for (int i = 0; i < d; i++) {
			Domain dom = domains.get(i);
			PeakShape shape = new PeakShape(voxelCovariance(dom));
			mainShapes[i] = shape;
			if (dom.kind() == Domain.Kind.SPLIT) {
				secondShapes[i] = shape;
				secondOffsets[i] = Mat3.multiply(crystalToVoxel,
					new double[] {dom.splitTiltX(), dom.splitTiltY(), 0});
			}
			if (dom.facets() != null) {
				List<TruncationRod> rods = dom.facets().rods();
				rodShapes[i] = new RodShape[rods.size()];
				for (int k = 0; k < rods.size(); k++) {
					rodShapes[i][k] = new RodShape(rods.get(k), crystalToVoxel, shape.peakDensity());
				}
			}
		}
		// Rods leave the volume and their Lorentzian tails make the analytic integral a poor
		// guide, so a faceted pattern is normalised to unit sum over the volume it is seen in.
		double meanUnitMax = 0;
		for (int i = 0; i < d; i++) {
			double[] stats = unitPeakStats(i);
			if (rodShapes[i] != null && stats[1] > 0) {
				shapeScale[i] = 1 / stats[1];
			}
			meanUnitMax += stats[0] * shapeScale[i] / d;
		}
		if (b.peakMaximum > 0 && meanUnitMax > 0) {
			this.peakCounts = b.peakMaximum / meanUnitMax;
		} else {
			this.peakCounts = b.peakCounts;
		}
		this.peakMaximumCounts = peakCounts * meanUnitMax;
		this.fluorescence = FluorescencePattern.create(fluorescenceRng, rows, cols);
		this.deadLines = DeadDetectorLines.create(deadRng, rows, cols, b.deadColumns, b.deadRows);

		int[] hot = new int[Math.min(b.hotPixels, rows * cols)];
		double[] levels = new double[hot.length];
		pickHotPixels(hotRng, hot, levels);
		this.hotPixels = hot;
		this.hotLevels = levels;
		this.truth = buildTruth();
	}

	public static Builder builder() {
		return new Builder();
	}

	private static double[][] scale(double[][] m, double s) {
		double[][] r = Mat3.copy(m);
		for (double[] row : r) {
			for (int j = 0; j < 3; j++) {
				row[j] *= s;
			}
		}
		return r;
	}

	/** Ellipse a little off-centre and rotated, shrunk if needed so drift never pushes it off the scan. */
	private static Particle makeParticle(SplittableRandom rng, int nx, int ny, double maxDrift) {
		double cx = (nx - 1) / 2.0 + (rng.nextDouble() - 0.5) * 0.08 * nx;
		double cy = (ny - 1) / 2.0 + (rng.nextDouble() - 0.5) * 0.08 * ny;
		double rot = (rng.nextDouble() - 0.5) * 0.8;
		double a = (0.34 + 0.06 * rng.nextDouble()) * nx;
		double bAxis = (0.34 + 0.06 * rng.nextDouble()) * ny;
		double c = Math.cos(rot);
		double s = Math.sin(rot);
		double halfX = Math.sqrt(a * a * c * c + bAxis * bAxis * s * s);
		double halfY = Math.sqrt(a * a * s * s + bAxis * bAxis * c * c);
		double roomX = Math.min(cx, nx - 1 - cx) - maxDrift - 0.5;
		double roomY = Math.min(cy, ny - 1 - cy) - maxDrift - 0.5;
		double f = Math.min(1.0, Math.min(roomX / halfX, roomY / halfY));
		f = Math.max(f, 0.05);
		return new Particle(cx, cy, a * f, bAxis * f, rot);
	}

	private double[][] voxelCovariance(Domain dom) {
		double[][] crystalCov = new double[3][3];
		crystalCov[0][0] = dom.widthX() * dom.widthX();
		crystalCov[1][1] = dom.widthY() * dom.widthY();
		crystalCov[2][2] = dom.widthZ() * dom.widthZ();
		if (dom.kind() == Domain.Kind.STREAK) {
			double[] u = {dom.streakX(), dom.streakY(), dom.streakZ()};
			double w2 = dom.streakWidth() * dom.streakWidth();
			for (int i = 0; i < 3; i++) {
				for (int j = 0; j < 3; j++) {
					crystalCov[i][j] += w2 * u[i] * u[j];
				}
			}
		}
		// crystalToVoxel already carries |h|, matching widths given relative to |h|.
		return Mat3.multiply(Mat3.multiply(crystalToVoxel, crystalCov), Mat3.transpose(crystalToVoxel));
	}

	private void pickHotPixels(SplittableRandom rng, int[] hot, double[] levels) {
		int n = 0;
		while (n < hot.length) {
			int candidate = rng.nextInt(rows * cols);
			boolean taken = false;
			for (int i = 0; i < n; i++) {
				taken |= hot[i] == candidate;
			}
			if (!taken) {
				hot[n] = candidate;
				// Log-uniform: hot pixels span an order of magnitude in brightness.
				levels[n] = HOT_PIXEL_MIN * Math.pow(HOT_PIXEL_MAX / HOT_PIXEL_MIN, rng.nextDouble());
				n++;
			}
		}
	}

	/**
	 * {max, sum} over the volume of domain {@code di}'s peak, unit amplitude, as a pixel at the
	 * domain centre sees it (before normalisation).
	 */
	private double[] unitPeakStats(int di) {
		Domain d = domains.get(di);
		float[] slice = new float[rows * cols];
		double max = 0;
		double sum = 0;
		for (int a = 0; a < anglesDeg.length; a++) {
			Arrays.fill(slice, 0f);
			addPeak(di, d.centreX(), d.centreY(), a, 1.0, slice);
			for (float v : slice) {
				max = Math.max(max, v);
				sum += v;
			}
		}
		return new double[] {max, sum};
	}

	/** Adds the peak of domain {@code di} seen from scan position (xs, ys) to one angle slice. */
	private void addPeak(int di, double xs, double ys, int angle, double amplitude, float[] out) {
		Domain d = domains.get(di);
		double[] m = mainPeakVoxel(d, xs, ys);
		if (rodShapes[di] != null) {
			double a = amplitude * shapeScale[di];
			mainShapes[di].addSlice(m[0], m[1], m[2], angle, a, out, rows, cols);
			for (RodShape rod : rodShapes[di]) {
				rod.addSlice(m[0], m[1], m[2], angle, a, out, rows, cols);
			}
			return;
		}
		double second = d.splitFraction();
		mainShapes[di].addSlice(m[0], m[1], m[2], angle, amplitude * (1 - second), out, rows, cols);
		if (secondShapes[di] != null) {
			double[] o = secondOffsets[di];
			secondShapes[di].addSlice(m[0] + o[0], m[1] + o[1], m[2] + o[2], angle,
				amplitude * second, out, rows, cols);
		}
	}

	/** Index of the domain whose Voronoi cell holds (x, y); call only inside the particle. */
	private int domainAt(double x, double y) {
		int best = 0;
		double bestD2 = Double.MAX_VALUE;
		for (int i = 0; i < domains.size(); i++) {
			Domain d = domains.get(i);
			double dx = x - d.centreX();
			double dy = y - d.centreY();
			double d2 = dx * dx + dy * dy;
			if (d2 < bestD2) {
				bestD2 = d2;
				best = i;
			}
		}
		return best;
	}

	/** Absolute voxel (column, row, angle index) of the main peak of domain d at (x, y). */
	private double[] mainPeakVoxel(Domain d, double x, double y) {
		double[] offset = Mat3.multiply(crystalToVoxel,
			new double[] {d.tiltXAt(x, y), d.tiltY(), -d.strainAt(x, y)});
		return Mat3.add(centreVoxel, offset);
	}

	private GroundTruth buildTruth() {
		int n = nx * ny;
		int[] labels = new int[n];
		float[] thick = new float[n];
		float[] pr = nanArray(n);
		float[] pc = nanArray(n);
		float[] pa = nanArray(n);
		float[] st = nanArray(n);
		float[] tx = nanArray(n);
		float[] ty = nanArray(n);
		double step = anglesDeg[1] - anglesDeg[0];
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				int i = y * nx + x;
				double t = particle.thickness(x, y);
				if (t <= 0) {
					continue;
				}
				Domain d = domains.get(domainAt(x, y));
				double[] v = mainPeakVoxel(d, x, y);
				labels[i] = d.label();
				thick[i] = (float) t;
				pc[i] = (float) v[0];
				pr[i] = (float) v[1];
				pa[i] = (float) (anglesDeg[0] + v[2] * step);
				st[i] = (float) d.strainAt(x, y);
				tx[i] = (float) d.tiltXAt(x, y);
				ty[i] = (float) d.tiltY();
			}
		}
		return new GroundTruth(nx, ny, labels, thick, pr, pc, pa, st, tx, ty, drift, domains,
			particle, hotPixels.clone(), deadLines.columns(), deadLines.rows(), referenceRods);
	}

	private static float[] nanArray(int n) {
		float[] a = new float[n];
		Arrays.fill(a, Float.NaN);
		return a;
	}

	// ---- public API ----

	public DiffractometerGeometry geometry() {
		return geometry;
	}

	public int nx() {
		return nx;
	}

	public int ny() {
		return ny;
	}

	/** Scan step in micrometres (metadata; the model itself works in scan pixels). */
	public double stepUm() {
		return stepUm;
	}

	public int detectorRows() {
		return rows;
	}

	public int detectorColumns() {
		return cols;
	}

	public int angleCount() {
		return anglesDeg.length;
	}

	public double[] anglesDeg() {
		return anglesDeg.clone();
	}

	public PeakStyle peakStyle() {
		return peakStyle;
	}

	/**
	 * Integrated expected counts of a full-thickness pixel's peak: as set, or as follows from
	 * {@link Builder#peakMaximum} when that was set.
	 */
	public double peakCounts() {
		return peakCounts;
	}

	/**
	 * Expected counts of the brightest voxel of a full-thickness pixel, background excluded: the
	 * mean over domains of each domain's brightest voxel as seen at its centre. Equals
	 * {@link Builder#peakMaximum} when that was set.
	 */
	public double peakMaximumCounts() {
		return peakMaximumCounts;
	}

	/** Flat background, mean counts per detector pixel per frame. */
	public double backgroundCounts() {
		return backgroundCounts;
	}

	/** Fluorescence counts per detector pixel per frame at full thickness (mean over the detector). */
	public double fluorescenceCounts() {
		return fluorescenceCounts;
	}

	public GroundTruth truth() {
		return truth;
	}

	/**
	 * Expected counts plus Poisson noise, hot pixels and background for the frame at scan (x, y),
	 * angle index {@code angle}. {@code out} has length rows*cols, row-major (row*cols + col);
	 * it is overwritten. The caller seeds {@code rng}; the same rng state gives the same frame.
	 */
	public void sampleFrame(int angle, int x, int y, SplittableRandom rng, float[] out) {
		expectedFrame(angle, x, y, out);
		// Most pixels hold only background: reuse its exponential instead of one per pixel.
		float bg = (float) backgroundCounts;
		boolean cheapBackground = backgroundCounts > 0 && backgroundCounts < PoissonSampler.NORMAL_THRESHOLD;
		for (int i = 0; i < out.length; i++) {
			float mean = out[i];
			if (cheapBackground && mean == bg) {
				out[i] = (float) PoissonSampler.sampleSmall(backgroundCounts, expNegBackground, rng);
			} else {
				out[i] = (float) PoissonSampler.sample(mean, rng);
			}
		}
		for (int h = 0; h < hotPixels.length; h++) {
			if (rng.nextDouble() < HOT_PIXEL_DUTY) {
				out[hotPixels[h]] += (float) PoissonSampler.sample(hotLevels[h], rng);
			}
		}
		deadLines.apply(out);
	}

	/**
	 * Expected (noise-free) counts with background and fluorescence, without hot pixels, dead
	 * lines at 0; same layout as sampleFrame.
	 */
	public void expectedFrame(int angle, int x, int y, float[] out) {
		checkFrameArgs(angle, x, y, out);
		Arrays.fill(out, (float) backgroundCounts);
		double xs = x - drift[angle][1];
		double ys = y - drift[angle][0];
		double t = particle.thickness(xs, ys);
		if (t > 0) {
			if (fluorescenceCounts > 0) {
				fluorescence.add(fluorescenceCounts * t, out);
			}
			if (peakCounts != 0) {
				addPeak(domainAt(xs, ys), xs, ys, angle, peakCounts * t, out);
			}
		}
		deadLines.apply(out);
	}

	/**
	 * XRF map of the rocking scan at angle index {@code angle}: ny*nx, row-major (y*nx + x),
	 * mean {@code xrfBackground + xrfCounts * thickness} at the drifted position, Poisson noise.
	 */
	public float[] xrfMap(int angle, SplittableRandom rng) {
		if (angle < 0 || angle >= anglesDeg.length) {
			throw new IndexOutOfBoundsException("angle " + angle);
		}
		float[] map = new float[nx * ny];
		for (int y = 0; y < ny; y++) {
			for (int x = 0; x < nx; x++) {
				double t = particle.thickness(x - drift[angle][1], y - drift[angle][0]);
				map[y * nx + x] = (float) PoissonSampler.sample(xrfBackground + xrfCounts * t, rng);
			}
		}
		return map;
	}

	/** Voxel-space marginal sigmas (column, row, angle index) of a domain's main peak; for diagnostics. */
	public double[] peakSigmasVoxel(int label) {
		return mainShapes[label - 1].sigmas();
	}

	private void checkFrameArgs(int angle, int x, int y, float[] out) {
		if (angle < 0 || angle >= anglesDeg.length || x < 0 || x >= nx || y < 0 || y >= ny) {
			throw new IndexOutOfBoundsException("angle " + angle + ", x " + x + ", y " + y);
		}
		if (out.length != rows * cols) {
			throw new IllegalArgumentException("out must have rows*cols = " + rows * cols + " elements");
		}
	}

	/** Builder; every setter has a default (see field initialisers). */
	public static final class Builder {
		private int nx = 40;
		private int ny = 30;
		private double stepUm = 0.1;
		private int detectorRows = 48;
		private int detectorColumns = 48;
		private double[] anglesDeg = defaultAngles();
		/** The diffractometer; its rocking step is the scan's own. */
		private DiffractometerGeometry.Builder geometry = DiffractometerGeometry.builder();
		private int domains = 4;
		private Domain.Kind[] kinds = Domain.blobKinds();
		private PeakStyle peakStyle = PeakStyle.BLOB;
		private FacetKind[] facetKinds = FacetKind.values();
		private double peakMaximum = 0;
		private double fluorescenceCounts = 0;
		private int deadColumns = 0;
		private int deadRows = 0;
		private long seed = 1;
		private double peakCounts = 20_000;
		private double backgroundCounts = 0.05;
		private int hotPixels = 3;
		private double maxDriftPx = 0;
		private double strainAmplitude = 1e-3;
		private double tiltAmplitude = 1e-3;
		private double xrfCounts = 1000;
		private double xrfBackground = 5;

		private Builder() {
		}

		private static double[] defaultAngles() {
			double[] a = new double[15];
			for (int i = 0; i < a.length; i++) {
				a[i] = (i - 7) * 0.1;
			}
			return a;
		}

		public Builder nx(int v) {
			nx = v;
			return this;
		}

		public Builder ny(int v) {
			ny = v;
			return this;
		}

		public Builder stepUm(double v) {
			stepUm = v;
			return this;
		}

		public Builder detectorRows(int v) {
			detectorRows = v;
			return this;
		}

		public Builder detectorColumns(int v) {
			detectorColumns = v;
			return this;
		}

		/** Rocking angles in degrees, equally spaced, at least two; offsets from the nominal Bragg angle. */
		public Builder anglesDeg(double[] v) {
			anglesDeg = v.clone();
			return this;
		}

		public Builder geometry(DiffractometerGeometry.Builder g) {
			geometry = g;
			return this;
		}

		public Builder domains(int v) {
			domains = v;
			return this;
		}

		/** Blob kinds the domains are drawn from (cycled in a seeded order); default all three. */
		public Builder kinds(Domain.Kind... v) {
			kinds = v.clone();
			return this;
		}

		/** Compact blobs (default) or faceted peaks with truncation rods. */
		public Builder peakStyle(PeakStyle style) {
			peakStyle = style;
			return this;
		}

		/** FACETED only: variants the domains are drawn from (cycled in a seeded order); default all five. */
		public Builder facetKinds(FacetKind... v) {
			facetKinds = v.clone();
			return this;
		}

		/**
		 * When > 0: expected counts of the brightest voxel of a full-thickness pixel (mean over
		 * the domains, background excluded); overrides {@link #peakCounts}. Default 0: unset.
		 */
		public Builder peakMaximum(double counts) {
			peakMaximum = counts;
			return this;
		}

		/**
		 * Diffuse fluorescence, counts per detector pixel per frame at full thickness, in
		 * proportion to the projected thickness under the beam, with a gentle fixed gradient over
		 * the detector and the same at every angle. Default 0.
		 */
		public Builder fluorescenceCounts(double counts) {
			fluorescenceCounts = counts;
			return this;
		}

		/** Detector columns that always read 0 (seeded positions, half of them one adjacent block). */
		public Builder deadColumns(int n) {
			deadColumns = n;
			return this;
		}

		/** Detector rows that always read 0, placed as the columns are. */
		public Builder deadRows(int n) {
			deadRows = n;
			return this;
		}

		public Builder seed(long v) {
			seed = v;
			return this;
		}

		/** Integrated expected counts of a full-thickness pixel's diffraction volume. */
		public Builder peakCounts(double v) {
			peakCounts = v;
			return this;
		}

		/** Mean background counts per detector pixel per frame. */
		public Builder backgroundCounts(double v) {
			backgroundCounts = v;
			return this;
		}

		public Builder hotPixels(int v) {
			hotPixels = v;
			return this;
		}

		/** Largest drift between rocking scans, scan pixels (0: none). */
		public Builder maxDriftPx(double v) {
			maxDriftPx = v;
			return this;
		}

		/** Domain strains are uniform in +-this (default 1e-3). */
		public Builder strainAmplitude(double v) {
			strainAmplitude = v;
			return this;
		}

		/** Domain tilts (x and y) are uniform in +-this, radians (default 1e-3). */
		public Builder tiltAmplitude(double v) {
			tiltAmplitude = v;
			return this;
		}

		/** XRF counts at full thickness (default 1000). */
		public Builder xrfCounts(double v) {
			xrfCounts = v;
			return this;
		}

		/** XRF counts outside the particle (default 5). */
		public Builder xrfBackground(double v) {
			xrfBackground = v;
			return this;
		}

		public SampleModel build() {
			require(nx >= 1 && ny >= 1, "scan size must be positive");
			require(detectorRows >= 2 && detectorColumns >= 2, "detector must be at least 2 x 2");
			require(anglesDeg.length >= 2, "need at least two rocking angles");
			double step = anglesDeg[1] - anglesDeg[0];
			require(step != 0 && Double.isFinite(step), "rocking angles must differ");
			for (int i = 2; i < anglesDeg.length; i++) {
				require(Math.abs(anglesDeg[i] - anglesDeg[i - 1] - step) <= 1e-6 * Math.abs(step),
					"rocking angles must be equally spaced");
			}
			require(domains >= 1, "need at least one domain");
			require(kinds.length >= 1, "need at least one domain kind");
			for (Domain.Kind k : kinds) {
				require(k != Domain.Kind.FACETED, "FACETED is a peak style, not a blob kind");
			}
			require(peakStyle != null, "peak style must be set");
			require(facetKinds.length >= 1, "need at least one facet kind");
			require(peakMaximum >= 0 && fluorescenceCounts >= 0, "counts must be >= 0");
			require(deadColumns >= 0 && deadColumns < detectorColumns, "dead columns must be 0 .. columns - 1");
			require(deadRows >= 0 && deadRows < detectorRows, "dead rows must be 0 .. rows - 1");
			require(peakCounts >= 0 && backgroundCounts >= 0 && hotPixels >= 0, "counts must be >= 0");
			require(maxDriftPx >= 0 && stepUm > 0, "drift must be >= 0 and step > 0");
			require(strainAmplitude >= 0 && tiltAmplitude >= 0, "amplitudes must be >= 0");
			require(xrfCounts >= 0 && xrfBackground >= 0, "XRF counts must be >= 0");
			return new SampleModel(this);
		}

		private static void require(boolean ok, String message) {
			if (!ok) {
				throw new IllegalArgumentException(message);
			}
		}
	}
}
