// Search graphs (schema version 2): nodes and edges through the writer thread, read back per
// problem; migration of a version-1 database.
#include "harness/store/schema.hpp"
#include "harness/store/sqlite.hpp"
#include "tests/unit/store/fixture.hpp"
#include "tests/unit/store/raw_sqlite.hpp"

namespace tcs::store::testing {
namespace {

using ::testing::HasSubstr;

class GraphTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = open_store();
    ASSERT_NE(store_, nullptr);
    run_ = *store_->create_run("s", "{}", 7, "v");
    ASSERT_TRUE(store_->add_problems(run_, make_problems(2)).ok());
  }
  NodeRow node(int64_t pass, int64_t id, const std::string& problem = "test/toy/p0") const {
    return {run_, problem, pass, id, "g" + std::to_string(id), "goal text " + std::to_string(id),
            id == 0 ? "solved" : "expanded", -0.25 * static_cast<double>(id), 3 * id, id};
  }
  EdgeRow edge(int64_t pass, int64_t id) const {
    EdgeRow e;
    e.run_id = run_;
    e.problem_id = "test/toy/p0";
    e.pass = pass;
    e.edge_id = id;
    e.parent_id = id / 2;
    e.tactic = "(have (= x " + std::to_string(id) + "))";
    if (id % 2) e.logprob = -1.5;
    e.verdict = id % 3 ? core::VerdictKind::verified : core::VerdictKind::rejected;
    e.message = id % 3 ? "" : "unknown symbol y";
    e.status = id % 3 ? "applied" : "failed";
    if (id % 3) e.children = {id, id + 1};
    e.visits = id;
    e.value = 0.125 * static_cast<double>(id);
    return e;
  }
  std::unique_ptr<Store> store_;
  int64_t run_ = 0;
};

TEST_F(GraphTest, NodesAndEdgesRoundTripPerProblemInPassOrder) {
  for (int64_t pass : {1, 0})
    for (int64_t id = 3; id >= 0; --id) store_->enqueue_node(node(pass, id));
  store_->enqueue_node(node(0, 0, "test/toy/p1"));
  for (int64_t id = 5; id >= 0; --id) store_->enqueue_edge(edge(0, id));
  ASSERT_TRUE(store_->flush().ok());

  auto nodes = store_->nodes(run_, "test/toy/p0");
  ASSERT_EQ(nodes.size(), 8u);
  EXPECT_EQ(nodes[0].pass, 0);
  EXPECT_EQ(nodes[0].node_id, 0);
  EXPECT_EQ(nodes[4].pass, 1);
  EXPECT_EQ(nodes[3].goal_key, "g3");
  EXPECT_EQ(nodes[3].goal_text, "goal text 3");
  EXPECT_EQ(nodes[3].status, "expanded");
  EXPECT_DOUBLE_EQ(nodes[3].score, -0.75);
  EXPECT_EQ(nodes[3].visits, 9);
  EXPECT_EQ(nodes[3].depth, 3);
  EXPECT_EQ(store_->nodes(run_, "test/toy/p1").size(), 1u);

  auto edges = store_->edges(run_, "test/toy/p0");
  ASSERT_EQ(edges.size(), 6u);
  for (int64_t id = 0; id < 6; ++id) {
    const EdgeRow want = edge(0, id), &got = edges[static_cast<size_t>(id)];
    EXPECT_EQ(got.edge_id, id);
    EXPECT_EQ(got.parent_id, want.parent_id);
    EXPECT_EQ(got.tactic, want.tactic);
    EXPECT_EQ(got.logprob, want.logprob);
    EXPECT_EQ(got.verdict, want.verdict);
    EXPECT_EQ(got.message, want.message);
    EXPECT_EQ(got.status, want.status);
    EXPECT_EQ(got.children, want.children);
    EXPECT_EQ(got.visits, want.visits);
    EXPECT_DOUBLE_EQ(got.value, want.value);
  }
}

TEST_F(GraphTest, ReEnqueuedRowsKeepTheFirstCopy) {
  store_->enqueue_node(node(0, 1));
  NodeRow again = node(0, 1);
  again.goal_text = "changed";
  store_->enqueue_node(again);
  store_->enqueue_edge(edge(0, 1));
  store_->enqueue_edge(edge(0, 1));
  ASSERT_TRUE(store_->flush().ok());
  auto nodes = store_->nodes(run_, "test/toy/p0");
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].goal_text, "goal text 1");
  EXPECT_EQ(store_->edges(run_, "test/toy/p0").size(), 1u);
}

// OR IGNORE (what makes resuming safe) also skips rows that break a CHECK: a node with an
// unknown status is dropped, never stored; a row for an unknown problem fails its batch.
TEST_F(GraphTest, BadStatusIsDroppedAndUnknownProblemFailsTheBatch) {
  NodeRow bad = node(0, 1);
  bad.status = "pending";
  store_->enqueue_node(bad);
  store_->enqueue_node(node(0, 2));
  ASSERT_TRUE(store_->flush().ok());
  auto nodes = store_->nodes(run_, "test/toy/p0");
  ASSERT_EQ(nodes.size(), 1u);
  EXPECT_EQ(nodes[0].node_id, 2);
  store_->enqueue_edge(edge(0, 1));
  store_->enqueue_edge([&] { EdgeRow e = edge(0, 2); e.problem_id = "nope"; return e; }());
  auto status = store_->flush();
  ASSERT_FALSE(status.ok());
  EXPECT_THAT(status.error().message, HasSubstr("rolled back"));
  for (const EdgeRow& e : store_->edges(run_, "test/toy/p0")) EXPECT_NE(e.edge_id, 2);
}

TEST(GraphMigration, VersionOneDatabaseGainsGraphTablesAndKeepsItsRows) {
  std::string dir = (std::filesystem::temp_directory_path() / "tcs_graph_XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  const std::string path = dir + "/v1.db";
  {
    auto conn = sqlite::Connection::open(path);
    ASSERT_TRUE(conn.ok());
    ASSERT_EQ(*migrate(*conn, migrations().first(1)), 1);
    ASSERT_TRUE(conn->exec("INSERT INTO runs (name, config_json, seed, git_describe, status,"
                           " created_at) VALUES ('old', '{}', 1, 'v', 'finished', 'x')").ok());
  }
  {
    auto store = Store::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schema_version(), 2);
    ASSERT_EQ((*store)->runs().size(), 1u);
    EXPECT_EQ((*store)->runs()[0].name, "old");
  }
  EXPECT_EQ(raw_scalar(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('nodes', 'edges')"), "2");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tcs::store::testing
