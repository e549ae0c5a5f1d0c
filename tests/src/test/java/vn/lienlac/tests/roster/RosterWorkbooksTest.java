package vn.lienlac.tests.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lienlac.functions.roster.file.Guardian;
import vn.lienlac.functions.roster.file.RejectedRow;
import vn.lienlac.functions.roster.file.RosterFile;
import vn.lienlac.functions.roster.file.RosterReader;
import vn.lienlac.functions.roster.file.RosterRow;
import vn.lienlac.functions.roster.file.SheetMapping;

/**
 * The generated workbooks read back exactly as planned: every good row accepted with its values,
 * every planted bad row rejected with its one reason, nothing else. (No stack: the reader alone.)
 */
class RosterWorkbooksTest {
  private static final LocalDate START = LocalDate.of(2026, 9, 5);
  private static final RosterReader READER = new RosterReader(
      new RosterReader.Options(LocalDate.of(2026, 11, 26), START, null, RosterReader.DEFAULT_MAX_ROWS));

  @Test
  void aGenerated3000RowRoster_shouldReadAsPlanted_everyGoodRowAcceptedAndExactlyThePlantedRowsRejected() {
    RosterWorkbooks.Roster roster = RosterWorkbooks.roster(3_000, 20, START);
    assertThat(roster.pupils()).hasSize(3_000);
    assertThat(roster.bad()).hasSize(20);
    assertThat(roster.bad()).extracting(RosterWorkbooks.Bad::code).containsAll(RosterWorkbooks.BAD_KINDS);

    System.gc();
    long before = usedHeap();
    long started = System.nanoTime();
    RosterFile read = READER.read(roster.xlsx());
    long millis = (System.nanoTime() - started) / 1_000_000;
    long heap = usedHeap() - before;
    long again = System.nanoTime();
    READER.read(roster.xlsx());
    long warmMillis = (System.nanoTime() - again) / 1_000_000;
    System.out.printf("roster read: %d rows + %d rejected from %d KB of xlsx in %d ms cold, %d ms warm;"
            + " heap grown during the cold read (garbage included) ~%d MB%n",
        read.rows().size(), read.rejected().size(), roster.xlsx().length / 1024, millis, warmMillis,
        heap / (1024 * 1024));

    SheetMapping pupils = read.mappings().get(0);
    assertThat(pupils.headerRow()).isEqualTo(RosterWorkbooks.HEADER_ROW);
    assertThat(read.mappings().get(1).kind()).isEqualTo(SheetMapping.Kind.CLASSES);
    assertThat(read.classes()).hasSize(roster.classes().size());
    assertThat(read.exampleRows()).isEqualTo(1);
    assertThat(read.rejected()).extracting(RejectedRow::row, RejectedRow::codes).containsExactlyElementsOf(
        roster.bad().stream().map(b -> org.assertj.core.groups.Tuple.tuple(b.row(), List.of(b.code()))).toList());
    assertThat(read.rows()).hasSize(roster.pupils().size());
    Set<String> phones = new LinkedHashSet<>();
    for (int i = 0; i < read.rows().size(); i++) {
      RosterRow row = read.rows().get(i);
      RosterWorkbooks.Pupil expected = roster.pupils().get(i);
      assertThat(row.row()).isEqualTo(expected.row());
      assertThat(row.learnerId()).isEqualTo(expected.learnerId());
      assertThat(row.fullName()).isEqualTo(expected.fullName());
      assertThat(row.dateOfBirth()).isEqualTo(expected.dateOfBirth());
      assertThat(row.gender()).isEqualTo(expected.gender());
      assertThat(row.className()).isEqualTo(expected.className());
      assertThat(row.grade()).isEqualTo(expected.grade());
      assertThat(row.status()).isEqualTo(expected.status());
      assertThat(row.guardians()).containsExactly(
          new Guardian(expected.fatherName(), Guardian.Relationship.FATHER, expected.fatherPhone()),
          new Guardian(expected.motherName(), Guardian.Relationship.MOTHER, expected.motherPhone()));
      row.guardians().forEach(g -> phones.add(g.phone()));
    }
    assertThat(List.copyOf(phones)).isEqualTo(roster.parentPhones());
    assertThat(phones.size()).as("siblings share their parents' accounts").isLessThan(2 * roster.pupils().size());
  }

  @Test
  void nextYearsFile_shouldMoveEveryPupilUpAGrade_dropGrade9_markTransfers_andAddNewPupils() {
    RosterWorkbooks.Roster first = RosterWorkbooks.roster(400, 0, START);
    RosterWorkbooks.Roster next = RosterWorkbooks.nextYear(first, 10, 50, START.plusYears(1));
    RosterFile read = new RosterReader(new RosterReader.Options(LocalDate.of(2027, 11, 26), START.plusYears(1), null,
        RosterReader.DEFAULT_MAX_ROWS)).read(next.xlsx());

    assertThat(read.rejected()).isEmpty();
    assertThat(read.rows()).hasSize(next.pupils().size()).hasSize(300 + 50);
    assertThat(read.rows()).extracting(RosterRow::learnerId)
        .containsAll(first.pupils().stream().filter(p -> p.grade() < 9).map(RosterWorkbooks.Pupil::learnerId).toList());
    assertThat(read.rows()).filteredOn(r -> r.status() == vn.lienlac.functions.roster.file.PupilStatus.TRANSFERRED_OUT)
        .hasSize(30);
  }

  @Test
  void theSamplesInDocs_shouldReadWithoutRejections_asWorkbookAndAsCsv() throws Exception {
    java.nio.file.Path samples = java.nio.file.Path.of("..", "docs", "samples");
    RosterFile xlsx = READER.read(java.nio.file.Files.readAllBytes(samples.resolve("danh-sach-hoc-sinh-mau.xlsx")));
    RosterFile csv = READER.read(java.nio.file.Files.readAllBytes(samples.resolve("danh-sach-hoc-sinh-mau.csv")));
    assertThat(xlsx.rejected()).isEmpty();
    assertThat(csv.rejected()).isEmpty();
    assertThat(xlsx.rows()).hasSize(30);
    assertThat(csv.rows()).extracting(RosterRow::learnerId, RosterRow::fullName, RosterRow::dateOfBirth, RosterRow::guardians)
        .containsExactlyElementsOf(xlsx.rows().stream()
            .map(r -> org.assertj.core.groups.Tuple.tuple(r.learnerId(), r.fullName(), r.dateOfBirth(), r.guardians()))
            .toList());
    assertThat(csv.encoding()).isEqualTo("UTF-8");
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
