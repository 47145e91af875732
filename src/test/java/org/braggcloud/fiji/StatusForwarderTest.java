package org.braggcloud.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.event.EventService;

/** What commands report through SciJava's StatusService reaches ImageJ's status line and progress bar. */
class StatusForwarderTest {

	@Test
	void statusEventsAreForwarded() throws InterruptedException {
		final List<String> seen = new CopyOnWriteArrayList<>();
		final FijiContext.StatusForwarder forwarder = new FijiContext.StatusForwarder() {
			@Override
			void status(final String message) {
				seen.add(message);
			}

			@Override
			void progress(final int value, final int maximum) {
				seen.add(value + "/" + maximum);
			}
		};
		final Context context = new Context(EventService.class, StatusService.class);
		try {
			context.service(EventService.class).subscribe(forwarder);
			context.service(StatusService.class).showStatus(2, 4, "Measuring peaks");
			// StatusService publishes later, on the event thread.
			for (int i = 0; i < 100 && seen.size() < 2; i++) Thread.sleep(50);
			assertEquals(List.of("Measuring peaks", "2/4"), seen);
		}
		finally {
			context.dispose();
		}
	}
}
