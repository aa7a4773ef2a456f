package io.eventplatform.support.seed;

import java.util.List;

/** A service's demonstration data, loaded through its own code; loading again changes nothing. */
public interface DemoDataLoader {

    /** Loads what is missing; returns lines to show the person who ran the seed (e.g. one-time app secrets). */
    List<String> load();
}
