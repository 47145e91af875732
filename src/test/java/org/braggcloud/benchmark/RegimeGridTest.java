package org.braggcloud.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class RegimeGridTest {

	@Test
	void allIsTheFullProductWithoutRepeats() {
		final List<Regime> all = RegimeGrid.named("all");
		assertEquals(2 * 3 * 3 * 2 * 2 * 2 * 2, all.size());
		assertEquals(all.size(), new HashSet<>(all).size());
	}

	@Test
	void axesIsTheBaseThenOneAxisAtATimeThenPeakByBackground() {
		final List<Regime> axes = RegimeGrid.named("axes");
		assertEquals(RegimeGrid.BASE, axes.get(0));
		assertEquals(axes.size(), new HashSet<>(axes).size(), "no regime twice");
		// From the blob base: base + style 1 + peak 2 + background 2 + shape 1 + ROI 1 + domains 1 + drift 1, + the 4 peak x
		// background pairs not yet there = 14; from the faceted base (already there as the style variation) 12 more.
		assertEquals(26, axes.size());
		int pairs = 0;
		for (final Regime r : axes) {
			final Regime base = r.style() == RegimeGrid.BASE.style() ? RegimeGrid.BASE : RegimeGrid.FACETED_BASE;
			final int differ = Math.min(differences(r, RegimeGrid.BASE), differences(r, RegimeGrid.FACETED_BASE));
			final boolean peakAndBackgroundOnly = r.shape() == base.shape() && r.roi() == base.roi() && r.domains() == base.domains()
				&& r.driftPx() == base.driftPx();
			assertTrue(differ <= 1 || peakAndBackgroundOnly, "more than one axis varied: " + r);
			if (peakAndBackgroundOnly) pairs++;
			assertTrue(RegimeGrid.all().contains(r), "on the grid: " + r);
		}
		assertEquals(2 * RegimeGrid.PEAK_MAXIMA.size() * RegimeGrid.BACKGROUNDS.size(), pairs);
		assertEquals(21, axes.stream().filter(r -> r.roi() == 128).findFirst().orElseThrow().angles());
	}

	@Test
	void acceptanceRegionIsAtLeastTenfoldContrast() {
		// the grid's weakest contrast, 10 counts over 1, lies on the boundary and inside
		assertTrue(RegimeGrid.all().stream().allMatch(Regime::inAcceptanceRegion));
		assertFalse(new Regime(Regime.Style.BLOB, 10, 1.5, Regime.BackgroundShape.FLAT, 48, 15, 4, 0).inAcceptanceRegion());
	}

	@Test
	void oneRoiIsHalfTheProduct() {
		final List<Regime> wide = RegimeGrid.withRoi(RegimeGrid.all(), 128);
		assertEquals(144, wide.size());
		assertTrue(wide.stream().allMatch(r -> r.roi() == 128 && r.angles() == 21));
		assertEquals(288, RegimeGrid.withRoi(RegimeGrid.all(), 0).size());
		assertThrows(IllegalArgumentException.class, () -> RegimeGrid.withRoi(RegimeGrid.all(), 64));
	}

	@Test
	void oneStyleIsHalfTheProduct() {
		final List<Regime> faceted = RegimeGrid.withStyle(RegimeGrid.withRoi(RegimeGrid.all(), 128), "Faceted");
		assertEquals(72, faceted.size());
		assertTrue(faceted.stream().allMatch(r -> r.style() == Regime.Style.FACETED && r.roi() == 128));
		assertEquals(288, RegimeGrid.withStyle(RegimeGrid.all(), "all").size());
		assertThrows(IllegalArgumentException.class, () -> RegimeGrid.withStyle(RegimeGrid.all(), "streaky"));
	}

	@Test
	void unknownNamesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> RegimeGrid.named("some"));
	}

	private static int differences(final Regime a, final Regime b) {
		int n = 0;
		if (a.style() != b.style()) n++;
		if (a.peakMaximum() != b.peakMaximum()) n++;
		if (a.background() != b.background()) n++;
		if (a.shape() != b.shape()) n++;
		if (a.roi() != b.roi()) n++;
		if (a.domains() != b.domains()) n++;
		if (a.driftPx() != b.driftPx()) n++;
		return n;
	}
}
