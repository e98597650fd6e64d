package io.gatecast.schedules.calendar;

/**
 * The two astronomical facts a lunisolar calendar needs, after Jean Meeus, <i>Astronomical
 * Algorithms</i> (2nd ed.): the instant of the k-th new moon (chapter 49, with the periodic and
 * planetary terms, good to well under a minute) and the Sun's apparent longitude (chapter 25, the
 * low-accuracy series, good to about 0.01 degree). Times are Julian days; new moons come in
 * Terrestrial Time and are turned into Universal Time with an estimate of Delta T.
 */
final class Astronomy {
  /** Mean length of a lunation in days. */
  static final double SYNODIC_MONTH = 29.530588861;
  /** Julian day (TT) of the mean new moon of k = 0, 2000 January 6. */
  private static final double NEW_MOON_EPOCH = 2451550.09766;
  private static final double J2000 = 2451545.0;

  private Astronomy() {}

  /** Universal time, as a Julian day, of new moon number {@code k} (k = 0 is 2000 January 6). */
  static double newMoonUt(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double mm = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double omega = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

    double c = -0.40720 * Math.sin(mm)
        + 0.17241 * e * Math.sin(m)
        + 0.01608 * Math.sin(2 * mm)
        + 0.01039 * Math.sin(2 * f)
        + 0.00739 * e * Math.sin(mm - m)
        - 0.00514 * e * Math.sin(mm + m)
        + 0.00208 * e * e * Math.sin(2 * m)
        - 0.00111 * Math.sin(mm - 2 * f)
        - 0.00057 * Math.sin(mm + 2 * f)
        + 0.00056 * e * Math.sin(2 * mm + m)
        - 0.00042 * Math.sin(3 * mm)
        + 0.00042 * e * Math.sin(m + 2 * f)
        + 0.00038 * e * Math.sin(m - 2 * f)
        - 0.00024 * e * Math.sin(2 * mm - m)
        - 0.00017 * Math.sin(omega)
        - 0.00007 * Math.sin(mm + 2 * m)
        + 0.00004 * Math.sin(2 * mm - 2 * f)
        + 0.00004 * Math.sin(3 * m)
        + 0.00003 * Math.sin(mm + m - 2 * f)
        + 0.00003 * Math.sin(2 * mm + 2 * f)
        - 0.00003 * Math.sin(mm + m + 2 * f)
        + 0.00003 * Math.sin(mm - m + 2 * f)
        - 0.00002 * Math.sin(mm - m - 2 * f)
        - 0.00002 * Math.sin(3 * mm + m)
        + 0.00002 * Math.sin(4 * mm);

    // Planetary arguments (degrees) and their amplitudes (days).
    double[][] planetary = {
        {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
        {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
        {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
        {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
        {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
    double a = 0;
    for (int i = 0; i < planetary.length; i++) {
      double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
      a += planetary[i][2] * Math.sin(rad(arg));
    }
    jde += c + a;
    return jde - deltaTSeconds(jde) / 86_400.0;
  }

  /** The Sun's apparent geocentric longitude in degrees [0, 360) at Julian day {@code jd}. */
  static double sunLongitude(double jd) {
    double t = (jd - J2000) / 36525.0;
    double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
    double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
    double centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
        + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
        + 0.000289 * Math.sin(3 * m);
    double omega = rad(125.04 - 1934.136 * t);
    double apparent = l0 + centre - 0.00569 - 0.00478 * Math.sin(omega);
    return ((apparent % 360) + 360) % 360;
  }

  /**
   * Delta T = TT - UT in seconds, from the polynomial fits of Espenak and Meeus (NASA, "Polynomial
   * expressions for Delta T"); a minute or so in this era, so its error moves a new moon by seconds.
   */
  static double deltaTSeconds(double jd) {
    double y = 2000 + (jd - J2000) / 365.25;
    double t;
    if (y < 1900 || y >= 2150) {
      double u = (y - 1820) / 100;
      return -20 + 32 * u * u;
    } else if (y < 1920) {
      t = y - 1900;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
    } else if (y < 1941) {
      t = y - 1920;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    } else if (y < 1961) {
      t = y - 1950;
      return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    } else if (y < 1986) {
      t = y - 1975;
      return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    } else if (y < 2005) {
      t = y - 2000;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
          + 0.00002373599 * t * t * t * t * t;
    } else if (y < 2050) {
      t = y - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    } else {
      double u = (y - 1820) / 100;
      return -20 + 32 * u * u - 0.5628 * (2150 - y);
    }
  }

  private static double rad(double degrees) {
    return Math.toRadians(degrees % 360);
  }
}
