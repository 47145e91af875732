package org.braggcloud.registration;

import java.util.ArrayList;
import java.util.List;

/** Which pairs of angles are registered against each other. */
final class PairPlan {

	/**
	 * Neighbours compared with each angle (both kinds). Worst errors on simulated intensity
	 * maps (15 angles, 12 seeds) at 0.04 / 0.05 deg steps: band 2 0.27 / 0.39 px, band 3
	 * 0.23 / 0.47 px, all pairs 0.32 / 9.6 px (distant, nearly dark angles agreed on a wrong
	 * shift). Band 1, a chain, leaves no second route to confirm a pair ({@link RobustDrift}).
	 */
	static final int BAND = 2;

	private PairPlan() {
	}

	/**
	 * Pairs {i, j}, i &lt; j: every angle with its neighbours up to {@link #BAND} angles away,
	 * and for XRF also every angle with angle 0. XRF maps look alike at all angles, so the direct
	 * pairs with angle 0 stop errors from adding up along the chain of neighbours; intensity
	 * maps of distant angles show different domains and are not compared.
	 */
	static List<int[]> pairs(int angles, DriftRegistration.Reference kind) {
		List<int[]> pairs = new ArrayList<>();
		for (int i = 0; i < angles; i++) {
			for (int j = i + 1; j < angles; j++) {
				boolean near = j - i <= BAND;
				boolean toFirst = i == 0 && kind == DriftRegistration.Reference.XRF;
				if (near || toFirst) {
					pairs.add(new int[] {i, j});
				}
			}
		}
		return pairs;
	}
}
