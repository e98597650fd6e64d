/**
 * Zoned screen layouts on the wire: a {@link io.gatecast.protocol.layout.LayoutSpec} names one of
 * the built-in {@link io.gatecast.protocol.layout.Templates} for a screen shape and says what each
 * of the template's regions plays: the screen's programme (MAIN only), a playlist of approved items,
 * or widgets drawn by the agent from data. Every operator-written text a widget shows (ticker lines,
 * a countdown's title, a clock's place name, a QR code's URL) is named by item id, never carried
 * inline, so it can only come from the approved items the rules carry
 * ({@link io.gatecast.protocol.layout.LayoutSpec#requireResolvesIn}). Same conventions as
 * {@code io.gatecast.protocol.rules}: records checked in their constructors, naming the field they
 * refuse; optional arrays may be left out; unknown fields are ignored by the codec.
 */
package io.gatecast.protocol.layout;
