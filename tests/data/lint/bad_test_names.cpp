// Fixture for lint.test_names_refused: names the check must refuse.
TEST_CASE("one name; then another", "[lint]") {}
TEST_CASE("split over " "two literals; still one name") {}
