package org.braggcloud.network.checkpoint;

/**
 * The only functions a checkpoint pickle may call. Each is carried out here in Java, never by
 * name lookup, so loading a file cannot execute anything else.
 */
enum PickleCallable {
	/** {@code collections.OrderedDict}: the state_dict itself and the empty hook dictionaries. */
	ORDERED_DICT("collections", "OrderedDict"),
	/** {@code torch._utils._rebuild_tensor_v2}: a tensor as a view of a storage. */
	REBUILD_TENSOR_V2("torch._utils", "_rebuild_tensor_v2"),
	/** {@code torch._utils._rebuild_parameter}: an nn.Parameter wrapping a tensor. */
	REBUILD_PARAMETER("torch._utils", "_rebuild_parameter");

	private final String module;
	private final String name;

	PickleCallable(final String module, final String name) {
		this.module = module;
		this.name = name;
	}

	/** The callable {@code module.name}, or null when it is not allowed. */
	static PickleCallable forName(final String module, final String name) {
		for (final PickleCallable c : values()) {
			if (c.module.equals(module) && c.name.equals(name)) return c;
		}
		return null;
	}

	String qualifiedName() {
		return module + "." + name;
	}
}
