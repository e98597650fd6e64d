package io.gatecast.protocol.layout;

/**
 * What a region is for. MAIN is the programme and drives the language of every region; a layout
 * has exactly one. TICKER is a band of short lines, HEADER a band of facts (clock, date), SIDE a
 * panel beside the main region (opening hours, a QR code, a countdown).
 */
public enum RegionRole {
  MAIN,
  TICKER,
  HEADER,
  SIDE
}
