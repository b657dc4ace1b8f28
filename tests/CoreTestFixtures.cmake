# Included by ctest after the discovered core tests (TEST_INCLUDE_FILES): gtest_discover_tests cannot pass a
# list as a property value, and the core tests need two fixtures (the photos, the resources/ watch).
set_tests_properties(${durian_core_tests_TESTS} PROPERTIES FIXTURES_REQUIRED "photos;resources_watch")
