package org.braggcloud.io.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;
import org.braggcloud.scan.ScanGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapTableTest {

	@TempDir
	Path dir;

	@Test
	void mapsComeBackExactlyInsideTheMaskAndNaNOutside() throws Exception {
		final ScanGrid grid = new ScanGrid(3, 2, 0.1);
		final boolean[] mask = { true, false, true, true, true, false };
		final Map<String, float[]> maps = new LinkedHashMap<>();
		maps.put("strain", new float[] { 1e-4f, 9f, -3.3333333e-5f, 0f, Float.NaN, 7f });
		maps.put("fwhm", new float[] { 0.1f, 9f, 0.2f, 0.3f, 0.4f, 7f });
		final Path file = dir.resolve("maps.csv");
		MapTable.write(file, grid, mask, maps);
		final Map<String, float[]> back = MapTable.read(file, 3, 2);
		assertEquals(maps.keySet(), back.keySet());
		assertArrayEquals(new float[] { 1e-4f, Float.NaN, -3.3333333e-5f, 0f, Float.NaN, Float.NaN }, back.get("strain"));
		assertArrayEquals(new float[] { 0.1f, Float.NaN, 0.2f, 0.3f, 0.4f, Float.NaN }, back.get("fwhm"));
	}

	@Test
	void aRowOutsideTheScanOrThatDoesNotParseIsRefusedWithItsLine() throws Exception {
		final Path file = dir.resolve("maps.csv");
		Files.writeString(file, "x,y,strain\n0,0,1\n5,0,2\n");
		final ScanFormatException outside = assertThrows(ScanFormatException.class, () -> MapTable.read(file, 3, 2));
		assertTrue(outside.getMessage().contains("line 3") && outside.getMessage().contains("outside"), outside.getMessage());
		Files.writeString(file, "x,y,strain\n0,0,one\n");
		final ScanFormatException text = assertThrows(ScanFormatException.class, () -> MapTable.read(file, 3, 2));
		assertTrue(text.getMessage().contains("line 2") && text.getMessage().contains("maps.csv"), text.getMessage());
	}
}
