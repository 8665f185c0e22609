package org.policysearch.analysis;

import java.util.Random;

/** Random text biased towards what Chinese policy documents and their PDF extractions contain. */
final class RandomCjk {

    /** Inclusive code point ranges: common and extension-B Han, Kangxi and supplement radicals, CJK symbols,
     * full-width forms, compatibility ideographs, zero-width characters and ASCII. */
    private static final int[][] RANGES = {
        {0x4E00, 0x9FFF},
        {0x4E00, 0x9FFF},
        {0x20000, 0x2A6DF},
        {0x2F00, 0x2FD5},
        {0x2E80, 0x2EF3},
        {0x3000, 0x303F},
        {0xFF01, 0xFF5E},
        {0xF900, 0xFAFF},
        {0x200B, 0x200D},
        {0x20, 0x7E},
    };

    private RandomCjk() {}

    static String text(Random random, int maxCodePoints) {
        int length = random.nextInt(maxCodePoints + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int[] range = RANGES[random.nextInt(RANGES.length)];
            sb.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return sb.toString();
    }
}
