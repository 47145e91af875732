package org.braggcloud.network.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointTest {

	static final Path MODEL = Path.of("test-images/interop/foldingnet-paper-seed1/model.pkl").toAbsolutePath();

	@TempDir
	Path dir;

	@Test
	void readsInteropModelKeysShapesAndValues() throws IOException {
		final Map<String, TorchCheckpoint.Tensor> t = TorchCheckpoint.read(MODEL);
		final Map<String, int[]> expected = FoldingNetWeights.expectedShapes(2);
		assertEquals(30, t.size());
		assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(t.keySet()), "file order");
		for (final Map.Entry<String, int[]> e : expected.entrySet()) {
			final TorchCheckpoint.Tensor tensor = t.get(e.getKey());
			assertArrayEquals(e.getValue(), tensor.shape(), e.getKey());
			assertEquals(Shapes.count(e.getValue()), tensor.data().length, e.getKey());
			for (final float v : tensor.data()) assertTrue(Float.isFinite(v), e.getKey());
		}
		assertArrayEquals(new int[] { 512, 514, 1 }, t.get("decoder.folding1.0.weight").shape());
		// reference values read from the raw storages with Python's struct module
		final float[] w = t.get("encoder.mlp1.0.weight").data();
		assertEquals(0.14874367415905f, w[0]);
		assertEquals(0.06729035824537277f, w[w.length - 1]);
		final float[] b = t.get("encoder.mlp1.0.bias").data();
		assertEquals(-0.04640581086277962f, b[0]);
		assertEquals(0.21192146837711334f, b[b.length - 1]);
		final float[] last = t.get("decoder.folding2.4.bias").data();
		assertEquals(-0.021910807117819786f, last[0]);
		assertEquals(0.02041737176477909f, last[2]);
	}

	@Test
	void refusesForeignGlobalsWithoutRunningThem() throws IOException {
		final byte[] evil = new PickleBytes().global("os", "system").str("touch pwned").op(0x85)
			.op('R').op('.').bytes();
		final Path file = archive("evil.pt", evil, Map.of());
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(file));
		assertTrue(e.getMessage().contains(
			"refusing to load: the checkpoint references 'os.system'; only tensors and dictionaries are allowed"),
			e.getMessage());
		assertEquals("archive/data.pkl", e.field());
		assertTrue(e.getMessage().contains(file.toString()));
	}

	@Test
	void refusesForeignGlobalsInsideTheStateDict() throws IOException {
		final byte[] evil = new PickleBytes().global("collections", "OrderedDict").op(')').op('R')
			.str("x").global("builtins", "eval").str("1").op(0x85).op('R').op('s').op('.').bytes();
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(archive("eval.pt", evil, Map.of())));
		assertTrue(e.getMessage().contains("'builtins.eval'"), e.getMessage());
	}

	@Test
	void legacyFormatExplainsHowToResave() throws IOException {
		final Path file = dir.resolve("old.pkl");
		Files.write(file, new byte[] { (byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc,
			(byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19, 0x2e });
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(file));
		assertTrue(e.getMessage().contains("legacy"), e.getMessage());
		assertTrue(e.getMessage().contains("torch.save(torch.load('old.pkl'), 'new.pkl')"), e
			.getMessage());
		assertTrue(e.getMessage().contains("1.6"), e.getMessage());
	}

	@Test
	void zipWithoutDataPklIsRefused() throws IOException {
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("archive/version", "3\n".getBytes());
		final Path file = PickleBytes.zip(dir.resolve("nopkl.pt"), entries);
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(file));
		assertTrue(e.getMessage().contains("data.pkl"), e.getMessage());
	}

	@Test
	void notACheckpointAtAll() throws IOException {
		final Path file = dir.resolve("text.pt");
		Files.writeString(file, "hello");
		assertThrows(ScanFormatException.class, () -> TorchCheckpoint.read(file));
	}

	@Test
	void honoursOffsetsSharedStoragesAndOtherStorageTypes() throws IOException {
		final byte[] pickle = stateDict(p -> {
			p.tensor("a", "FloatStorage", "0", 6, 0, new int[] { 2, 2 }, new int[] { 2, 1 });
			p.tensor("b", "FloatStorage", "0", 6, 4, new int[] { 2 }, new int[] { 1 });
			p.tensor("c", "DoubleStorage", "1", 3, 1, new int[] { 2, 1 }, new int[] { 1, 7 });
			p.tensor("d", "LongStorage", "2", 1, 0, new int[] {}, new int[] {});
		});
		final Map<String, byte[]> storages = new LinkedHashMap<>();
		storages.put("0", le(24).putFloat(1).putFloat(2).putFloat(3).putFloat(4).putFloat(5)
			.putFloat(6).array());
		storages.put("1", le(24).putDouble(0.5).putDouble(-1.5).putDouble(2.5).array());
		storages.put("2", le(8).putLong(42).array());
		final Map<String, TorchCheckpoint.Tensor> t = TorchCheckpoint.read(archive("ok.pt", pickle,
			storages));
		assertEquals(List.of("a", "b", "c", "d"), new ArrayList<>(t.keySet()));
		assertArrayEquals(new float[] { 1, 2, 3, 4 }, t.get("a").data());
		assertArrayEquals(new float[] { 5, 6 }, t.get("b").data());
		assertArrayEquals(new int[] { 2, 1 }, t.get("c").shape());
		assertArrayEquals(new float[] { -1.5f, 2.5f }, t.get("c").data());
		assertArrayEquals(new int[0], t.get("d").shape());
		assertArrayEquals(new float[] { 42 }, t.get("d").data());
	}

	@Test
	void refusesNonContiguousAndOverrunningTensors() throws IOException {
		final Map<String, byte[]> storage = Map.of("0", new byte[16]);
		final byte[] transposed = stateDict(p -> p.tensor("w", "FloatStorage", "0", 4, 0, new int[] {
			2, 2 }, new int[] { 1, 2 }));
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(archive("t.pt", transposed, storage)));
		assertEquals("w", e.field());
		assertTrue(e.getMessage().contains("not contiguous"), e.getMessage());
		final byte[] overrun = stateDict(p -> p.tensor("w", "FloatStorage", "0", 4, 2, new int[] {
			3 }, new int[] { 1 }));
		final ScanFormatException o = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(archive("o.pt", overrun, storage)));
		assertTrue(o.getMessage().contains("runs past"), o.getMessage());
		final byte[] missing = stateDict(p -> p.tensor("w", "FloatStorage", "9", 4, 0, new int[] {
			4 }, new int[] { 1 }));
		final ScanFormatException m = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(archive("m.pt", missing, storage)));
		assertEquals("archive/data/9", m.field());
	}

	@Test
	void refusesUnknownOpcodes() throws IOException {
		final byte[] pickle = new PickleBytes().op('I').op('1').op('\n').op('.').bytes();
		final ScanFormatException e = assertThrows(ScanFormatException.class, () -> TorchCheckpoint
			.read(archive("op.pt", pickle, Map.of())));
		assertTrue(e.getMessage().contains("unsupported pickle opcode 0x49"), e.getMessage());
	}

	private interface Body {

		void write(PickleBytes p);
	}

	/** {@code OrderedDict()} then MARK, the body's items, SETITEMS, STOP. */
	private static byte[] stateDict(final Body body) {
		final PickleBytes p = new PickleBytes().global("collections", "OrderedDict").op(')').op('R')
			.op('(');
		body.write(p);
		return p.op('u').op('.').bytes();
	}

	private static ByteBuffer le(final int size) {
		return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
	}

	private Path archive(final String name, final byte[] pickle, final Map<String, byte[]> storages)
		throws IOException
	{
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("archive/data.pkl", pickle);
		for (final Map.Entry<String, byte[]> e : storages.entrySet()) {
			entries.put("archive/data/" + e.getKey(), e.getValue());
		}
		entries.put("archive/version", "3\n".getBytes());
		return PickleBytes.zip(dir.resolve(name), entries);
	}
}
