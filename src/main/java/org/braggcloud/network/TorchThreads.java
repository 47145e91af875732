package org.braggcloud.network;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's thread pools for our networks. Our graphs run one op at a time, so libtorch's
 * inter-op pool only competes with the intra-op one for the cores: it is set to one thread,
 * which must happen before the engine starts (an explicit {@code ai.djl.pytorch.num_interop_threads}
 * wins). The intra-op count can change at any time.
 */
public final class TorchThreads {

	private static final String INTEROP = "ai.djl.pytorch.num_interop_threads";

	private TorchThreads() {}

	/** Starts the engine if needed and gives its intra-op pool {@code threads} threads. */
	public static synchronized void use(final int threads) {
		if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
		if (System.getProperty(INTEROP) == null) System.setProperty(INTEROP, "1");
		Engine.getEngine("PyTorch");
		if (JniUtils.getNumThreads() != threads) JniUtils.setNumThreads(threads);
	}

	/** Threads in libtorch's intra-op pool now. */
	public static int intraOp() {
		return JniUtils.getNumThreads();
	}

	/** Threads in libtorch's inter-op pool. */
	public static int interOp() {
		return JniUtils.getNumInteropThreads();
	}
}
