package org.iopoutcomes.national;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.iopoutcomes.SparkTestSession;

/**
 * The fixture {@code teds/tedsd_fixture.csv}: 36 TEDS-D records written from the codebook's code
 * lists, two discharge years, every SERVICES_D code, day and binned LOS codes, -9 and empty values.
 * CASEID is 20190000 + the row number below. Columns: DISYR, SERVICES_D → level, REASON → reason,
 * LOS (code: days), PRIMPAY → payer.
 * <pre>
 *  #  DISYR SERVICES_D           REASON          LOS            PRIMPAY
 *  1  2019  6 IOP                1 completed     33: 61-90      4 medicaid
 *  2  2019  6 IOP                2 dropped out   20             4 medicaid
 *  3  2019  6 IOP                2 dropped out   32: 46-60      4 medicaid
 *  4  2019  6 IOP                3 terminated    33: 61-90      2 private
 *  5  2019  6 IOP                4 transferred   30             2 private
 *  6  2019  6 IOP                1 completed     12             2 private
 *  7  2019  6 IOP                7 other         35: 121-180   -9 (missing)
 *  8  2019  6 IOP                2 dropped out   29             1 self_pay
 *  9  2020  6 IOP                1 completed     34: 91-120     4 medicaid
 * 10  2020  6 IOP                2 dropped out   31: 31-45      4 medicaid
 * 11  2020  6 IOP                5 incarcerated  36: 181-365    5 other_government
 * 12  2020  6 IOP                2 dropped out  -9 (missing)    4 medicaid
 * 13  2020  6 IOP                6 death         37: 366+       8 (unknown code)
 * 14  2019  1 inpatient (detox)  1 completed     3              3 medicare
 * 15  2020  1 inpatient (detox)  4 transferred   5              3 medicare
 * 16  2019  2 residential (dtx)  1 completed     7              6 no_charge
 * 17  2019  2 residential (dtx)  2 dropped out   2              6 no_charge
 * 18  2020  3 inpatient          1 completed     28             2 private
 * 19  2019  4 residential        1 completed     28             4 medicaid
 * 20  2020  4 residential        3 terminated    14             4 medicaid
 * 21  2019  5 residential        1 completed     34: 91-120     5 other_government
 * 22  2020  5 residential        2 dropped out   32: 46-60      5 other_government
 * 23  2019  7 outpatient         1 completed     36: 181-365    7 other
 * 24  2019  7 outpatient         2 dropped out   33: 61-90      7 other
 * 25  2020  7 outpatient         4 transferred   35: 121-180    1 self_pay
 * 26  2020  7 outpatient         2 dropped out   1              1 self_pay
 * 27  2019  8 outpatient (dtx)   1 completed     1              4 medicaid
 * 28  2020  8 outpatient (dtx)   2 dropped out   4             -9 (missing)
 * 29  2019 -9 (missing)          1 completed     10             4       out of both tables
 * 30  2020  9 (unknown code)     2 dropped out   10             4       out of both tables
 * 31  2019  6 IOP               -9 (missing)     31             4       out of both tables
 * 32   -9   7 outpatient         1 completed     10             4       out of both tables
 * 33  2020  7 outpatient         1 completed     38 (unknown)   2       out of retention
 * 34  2019  4 residential        2 dropped out  -9 (missing)   -9       out of retention
 * 35  2020  6 IOP                8 (unknown)     5              4       out of both tables
 * 36  2020  7 outpatient         2 dropped out   (empty)        4       out of retention
 * </pre>
 * Used by national_completion: rows 1-28, 33, 34, 36 (31). By national_retention: rows 1-11, 13-28 (27).
 */
final class TedsFixture {

  static final String FILE = "tedsd_fixture.csv";

  private TedsFixture() {}

  static String path(String resource) {
    try {
      return Path.of(TedsFixture.class.getClassLoader().getResource("teds/" + resource).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixture, staged. */
  static Dataset<Row> staged() {
    TedsCodes codes = TedsCodes.load();
    return TedsDischarges.stage(TedsFile.read(SparkTestSession.get(), path(FILE), codes), codes);
  }

  /** The CASEID of a row of the table above. */
  static String caseId(int row) {
    return String.valueOf(20190000 + row);
  }
}
