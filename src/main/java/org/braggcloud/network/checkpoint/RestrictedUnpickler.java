package org.braggcloud.network.checkpoint;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.braggcloud.scan.ScanFormatException;

/**
 * A pickle reader that understands only what a {@code torch.save}d state_dict contains:
 * dictionaries, tuples, lists, numbers, strings, and the few globals of {@link PickleCallable}
 * and {@link TorchStorageType}. Python's own unpickler would import and call any global the file
 * names, which is how a malicious checkpoint runs code; this one refuses every other global and
 * every opcode it does not know, and never executes anything.
 * <p>
 * Values: None is {@code null}, ints are {@link Long} (or {@link BigInteger}), floats
 * {@link Double}, strings {@link String}, tuples unmodifiable and lists modifiable
 * {@link List}s, dictionaries {@link LinkedHashMap}s, tensors {@link TensorRef}s.
 */
final class RestrictedUnpickler {

	/** Separates the items of MARK-delimited opcodes on the stack. */
	private static final Object MARK = new Object();

	private final ByteBuffer in;
	private final Path file;
	private final String entry;
	private final List<Object> stack = new ArrayList<>();
	private final Map<Long, Object> memo = new HashMap<>();

	private RestrictedUnpickler(final byte[] pickle, final Path file, final String entry) {
		this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
		this.file = file;
		this.entry = entry;
	}

	/** Reads the pickle; {@code file} and {@code entry} name it in error messages. */
	static Object load(final byte[] pickle, final Path file, final String entry)
		throws ScanFormatException
	{
		return new RestrictedUnpickler(pickle, file, entry).run();
	}

	private Object run() throws ScanFormatException {
		try {
			while (true) {
				final int position = in.position();
				final int op = in.get() & 0xff;
				if (op == '.') return pop();
				step(op, position);
			}
		}
		catch (final BufferUnderflowException e) {
			throw fail("the pickle ends before its STOP opcode (file truncated?)");
		}
		catch (final IndexOutOfBoundsException | ClassCastException e) {
			throw fail("the pickle is malformed (" + e.getMessage() + ")");
		}
	}

	private void step(final int op, final int position) throws ScanFormatException {
		switch (op) {
			case 0x80 -> in.get(); // PROTO: any version; unknown opcodes are refused anyway
			case 0x95 -> in.getLong(); // FRAME: only a read-ahead hint
			case 'c' -> push(global(line(), line()));
			case 0x93 -> { // STACK_GLOBAL
				final String name = (String) pop();
				push(global((String) pop(), name));
			}
			case 'q' -> memo.put((long) (in.get() & 0xff), top());
			case 'r' -> memo.put(in.getInt() & 0xffffffffL, top());
			case 0x94 -> memo.put((long) memo.size(), top()); // MEMOIZE
			case 'h' -> push(recall(in.get() & 0xff));
			case 'j' -> push(recall(in.getInt() & 0xffffffffL));
			case '(' -> push(MARK);
			case ')' -> push(List.of());
			case 't' -> push(tuple(popMark()));
			case 0x85 -> push(tuple(popItems(1)));
			case 0x86 -> push(tuple(popItems(2)));
			case 0x87 -> push(tuple(popItems(3)));
			case ']' -> push(new ArrayList<>());
			case 'l' -> push(new ArrayList<>(popMark()));
			case 'a' -> list(-2).add(pop());
			case 'e' -> {
				final List<Object> items = popMark();
				list(-1).addAll(items);
			}
			case '}' -> push(new LinkedHashMap<>());
			case 'd' -> {
				final Map<Object, Object> map = new LinkedHashMap<>();
				putAll(map, popMark());
				push(map);
			}
			case 's' -> {
				final Object value = pop();
				final Object key = pop();
				dict().put(key, value);
			}
			case 'u' -> {
				final List<Object> items = popMark();
				putAll(dict(), items);
			}
			case 'J' -> push((long) in.getInt());
			case 'K' -> push((long) (in.get() & 0xff));
			case 'M' -> push((long) (in.getShort() & 0xffff));
			case 0x8a -> push(long1(in.get() & 0xff));
			case 'G' -> push(Double.longBitsToDouble(Long.reverseBytes(in.getLong()))); // big-endian
			case 'X' -> push(text(length(in.getInt() & 0xffffffffL), StandardCharsets.UTF_8));
			case 0x8c -> push(text(in.get() & 0xff, StandardCharsets.UTF_8));
			case 'T' -> push(text(length(in.getInt() & 0xffffffffL), StandardCharsets.ISO_8859_1));
			case 'U' -> push(text(in.get() & 0xff, StandardCharsets.ISO_8859_1));
			case 0x88 -> push(Boolean.TRUE);
			case 0x89 -> push(Boolean.FALSE);
			case 'N' -> push(null);
			case 'R' -> {
				final Object args = pop();
				push(TorchRebuild.call(pop(), (List<?>) args, file, entry));
			}
			case 'b' -> pop(); // BUILD: the OrderedDict's _metadata attribute, not needed
			case 'Q' -> push(TorchRebuild.persistentId(pop(), file, entry));
			default -> throw fail(String.format(
				"unsupported pickle opcode 0x%02x at byte %d; a state_dict does not need it", op,
				position));
		}
	}

	private Object global(final String module, final String name) throws ScanFormatException {
		final PickleCallable callable = PickleCallable.forName(module, name);
		if (callable != null) return callable;
		if (module.equals("torch")) {
			final TorchStorageType storage = TorchStorageType.forClassName(name);
			if (storage != null) return storage;
		}
		throw fail("refusing to load: the checkpoint references '" + module + "." + name +
			"'; only tensors and dictionaries are allowed");
	}

	private Object recall(final long index) throws ScanFormatException {
		if (!memo.containsKey(index)) {
			throw fail("the pickle recalls memo " + index + " before storing it");
		}
		return memo.get(index);
	}

	private static List<Object> tuple(final List<Object> items) {
		return Collections.unmodifiableList(items);
	}

	@SuppressWarnings("unchecked")
	private List<Object> list(final int fromTop) throws ScanFormatException {
		final Object o = stack.get(stack.size() + fromTop);
		if (!(o instanceof ArrayList)) throw fail("APPEND to something that is not a list");
		return (List<Object>) o;
	}

	@SuppressWarnings("unchecked")
	private Map<Object, Object> dict() throws ScanFormatException {
		final Object o = top();
		if (!(o instanceof Map)) throw fail("SETITEM on something that is not a dictionary");
		return (Map<Object, Object>) o;
	}

	private void putAll(final Map<Object, Object> map, final List<Object> items)
		throws ScanFormatException
	{
		if (items.size() % 2 != 0) throw fail("a dictionary has an odd number of items");
		for (int i = 0; i < items.size(); i += 2) map.put(items.get(i), items.get(i + 1));
	}

	private Object long1(final int n) {
		final byte[] littleEndian = new byte[n];
		in.get(littleEndian);
		if (n == 0) return 0L;
		final byte[] bigEndian = new byte[n];
		for (int i = 0; i < n; i++) bigEndian[i] = littleEndian[n - 1 - i];
		final BigInteger v = new BigInteger(bigEndian);
		return v.bitLength() < 64 ? (Object) v.longValue() : v;
	}

	private int length(final long n) throws ScanFormatException {
		if (n > in.remaining()) throw fail("a string runs past the end of the pickle");
		return (int) n;
	}

	private String text(final int n, final Charset charset) {
		final byte[] bytes = new byte[n];
		in.get(bytes);
		return new String(bytes, charset);
	}

	/** A newline-terminated ASCII argument (GLOBAL's module and name). */
	private String line() throws ScanFormatException {
		final StringBuilder sb = new StringBuilder();
		for (byte b = in.get(); b != '\n'; b = in.get()) {
			if (sb.length() > 1000) throw fail("a GLOBAL name is not terminated");
			sb.append((char) (b & 0xff));
		}
		return sb.toString();
	}

	private void push(final Object o) {
		stack.add(o);
	}

	private Object top() throws ScanFormatException {
		if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK) {
			throw fail("the pickle's stack is empty");
		}
		return stack.get(stack.size() - 1);
	}

	private Object pop() throws ScanFormatException {
		top();
		return stack.remove(stack.size() - 1);
	}

	private List<Object> popItems(final int n) throws ScanFormatException {
		final List<Object> items = new ArrayList<>(n);
		for (int i = 0; i < n; i++) items.add(0, pop());
		return items;
	}

	private List<Object> popMark() throws ScanFormatException {
		final int mark = stack.lastIndexOf(MARK);
		if (mark < 0) throw fail("the pickle uses a MARK it never set");
		final List<Object> items = new ArrayList<>(stack.subList(mark + 1, stack.size()));
		stack.subList(mark, stack.size()).clear();
		return items;
	}

	private ScanFormatException fail(final String problem) {
		return new ScanFormatException(file, entry, problem);
	}
}
