/*
 * The console font: 8x16 glyphs for printable ASCII, drawn in
 * drivers/font/font8x16.txt and turned into a table by tools/mkfont.sh.
 */
#ifndef KERNEL_FONT_H
#define KERNEL_FONT_H

#include <kernel/types.h>

#define FONT_WIDTH 8
#define FONT_HEIGHT 16
#define FONT_FIRST ' '
#define FONT_LAST '~'
#define FONT_GLYPH_COUNT (FONT_LAST - FONT_FIRST + 1)

/* Row bitmaps, top row first; bit 7 is the leftmost pixel. */
extern const uint8_t font_glyphs[FONT_GLYPH_COUNT][FONT_HEIGHT];

#endif
