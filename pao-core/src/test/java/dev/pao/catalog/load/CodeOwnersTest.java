package dev.pao.catalog.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeOwnersTest {
  private final CodeOwners owners =
      CodeOwners.parse(
          """
          # comment
          *                      @org/team-platform
          /catalog/databases/    @org/team-data @org/dba
          catalog/compute/**     @org/team-compute
          *.yml                  @legacy
          /catalog/databases/redis.yaml  @org/team-cache  # inline comment
          """);

  @ParameterizedTest
  @CsvSource({
    "catalog/databases/pg.yaml, team-data",
    "catalog/databases/redis.yaml, team-cache",
    "catalog/compute/vm.yaml, team-compute",
    "catalog/messaging/kafka.yml, legacy",
    "bundles/starter.yaml, team-platform",
    "catalog/databasesx/pg.yaml, team-platform"
  })
  void theLastMatchingRuleNamesTheTeam(String path, String team) {
    assertEquals(Optional.of(team), owners.teamOf(path));
  }

  @org.junit.jupiter.api.Test
  void noRulesNoOwner() {
    assertEquals(Optional.empty(), CodeOwners.none().teamOf("catalog/x/y.yaml"));
  }
}
