package io.github.linkguard.checker.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The forward flow engine on every statement kind, with two plain transfers over the names of the methods called:
 * MUST (called on every path: intersection) and MAY (called on some path: union). Method bodies are compiled and
 * attributed by javac first, as the plugin sees them (the jump targets come from attribution).
 */
class StatementFlowTest {
  /** No path: compared by identity. */
  private static final Set<String> DEAD = Collections.unmodifiableSet(new TreeSet<>(Set.of("<dead>")));

  /**
   * Calls on every path (or some path), each leaf adding its name: {@code a()} adds "a", a local variable "var:x",
   * a local class "class:L", an assert "assert", an empty statement "empty". Records the facts before each call.
   */
  private static class Calls implements StatementFlow.Transfer<Set<String>> {
    final boolean must;
    final Map<String, Set<String>> before = new LinkedHashMap<>();

    Calls(boolean must) {
      this.must = must;
    }

    @Override
    public Set<String> dead() {
      return DEAD;
    }

    @Override
    public Set<String> join(Set<String> first, Set<String> second) {
      if (first == DEAD) {
        return second;
      }
      if (second == DEAD) {
        return first;
      }
      Set<String> joined = new TreeSet<>(first);
      if (must) {
        joined.retainAll(second);
      } else {
        joined.addAll(second);
      }
      return joined;
    }

    @Override
    public Set<String> leaf(StatementTree statement, Set<String> in) {
      String name = nameOf(statement);
      if (name == null || in == DEAD) {
        return NormalCompletion.isJump(statement) ? DEAD : in;
      }
      before.merge(name, in, this::join);
      Set<String> out = new TreeSet<>(in);
      out.add(name);
      return out;
    }

    private static @Nullable String nameOf(StatementTree statement) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call) {
        return call.getMethodSelect().toString();
      }
      if (statement instanceof VariableTree variable) {
        return "var:" + variable.getName();
      }
      if (statement instanceof ClassTree classTree) {
        return "class:" + classTree.getSimpleName();
      }
      return switch (statement.getKind()) {
        case ASSERT -> "assert";
        case EMPTY_STATEMENT -> "empty";
        case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, SWITCH -> "unentered " + statement.getKind();
        default -> null;
      };
    }
  }

  private static final String HEADER =
      "class T { boolean c, d, e; int k; void a() {} void b() {} void f() {} void g() {} void x() {} void y() {}\n"
          + "  java.util.List<String> items; interface Closer extends AutoCloseable { void close(); }\n"
          + "  Closer open() { return null; }\n  void m() throws Exception {\n";

  /** The body of {@code m()} after compiling {@code body} into it. */
  private static BlockTree body(String body) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    JavaFileObject source =
        new SimpleJavaFileObject(URI.create("string:///T.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return HEADER + body + "\n  }\n}\n";
          }
        };
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavacTask task =
        (JavacTask) compiler.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(source));
    try {
      Iterable<? extends CompilationUnitTree> units = task.parse();
      task.analyze();
      assertEquals(List.of(), diagnostics.getDiagnostics().stream().map(Object::toString).toList());
      ClassTree classTree = (ClassTree) units.iterator().next().getTypeDecls().get(0);
      for (Tree member : classTree.getMembers()) {
        if (member instanceof MethodTree method && method.getName().contentEquals("m")) {
          return method.getBody();
        }
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no m()");
  }

  /** The facts after {@code body}, from none. */
  private static String run(Calls calls, String body) {
    return String.valueOf(new StatementFlow<>(calls).run(body(body), Set.of()));
  }

  private static String must(String body) {
    return run(new Calls(true), body);
  }

  private static String may(String body) {
    return run(new Calls(false), body);
  }

  /** The MUST facts before each call. */
  private static Map<String, Set<String>> mustBefore(String body) {
    Calls calls = new Calls(true);
    run(calls, body);
    return calls.before;
  }

  /** The MAY facts before each call. */
  private static Map<String, Set<String>> mayBefore(String body) {
    Calls calls = new Calls(false);
    run(calls, body);
    return calls.before;
  }

  @Test
  void blockRunsItsStatementsInOrder() {
    assertEquals("[a, b]", must("a(); b();"));
    assertEquals("{a=[], b=[a]}", mayBefore("a(); b();").toString());
  }

  @Test
  void leavesOfEveryKind() {
    assertEquals("[a, assert, class:L, empty, var:x]", must("int x = 1; class L {} ; assert c; a();"));
  }

  @Test
  void expressionsAreNotEntered() {
    assertEquals("[var:r]", must("Runnable r = () -> { a(); return; };"));
  }

  @Test
  void ifJoinsItsBranches() {
    assertEquals("[a]", must("if (c) { a(); b(); } else { a(); }"));
    assertEquals("[a, b]", may("if (c) { a(); b(); } else { a(); }"));
    assertEquals("[]", must("if (c) a();"));
    assertEquals("[a]", may("if (c) a();"));
  }

  @Test
  void aBranchThatJumpsLeavesTheOther() {
    assertEquals("[b, f]", must("if (c) { a(); return; } else { b(); } f();"));
    assertEquals("[a, f]", must("if (c) { a(); } else { throw new Exception(); } f();"));
  }

  @Test
  void returnsAndThrowsStayPending() {
    StatementFlow<Set<String>> flow = new StatementFlow<>(new Calls(true));
    Set<String> out = flow.run(body("if (c) return; a(); if (d) throw new Exception(); b();"), Set.of());
    assertEquals("[a, b]", out.toString());
    List<String> pending = new ArrayList<>();
    for (StatementFlow.Jump<Set<String>> jump : flow.pending()) {
      pending.add(jump.jump().getKind() + (jump.target() == null ? "" : " landing") + " " + jump.state());
    }
    assertEquals(List.of("RETURN []", "THROW [a]"), pending);
  }

  @Test
  void whileAndForMayRunNoRound() {
    assertEquals("[b]", must("while (c) { a(); } b();"));
    assertEquals("[a, b]", may("while (c) { a(); } b();"));
    assertEquals("[x]", must("for (x(); c; y()) { a(); }"));
    assertEquals("[a, x, y]", may("for (x(); c; y()) { a(); }"));
    assertEquals("[]", must("for (String item : items) { a(); }"));
  }

  @Test
  void doWhileRunsItsBodyOnce() {
    assertEquals("[a]", must("do { a(); } while (c);"));
  }

  @Test
  void aBreakLandsAfterItsLoop() {
    assertEquals("[a]", must("do { a(); if (d) { b(); break; } f(); } while (e);"));
    assertEquals("[a, b, f, g]", may("do { a(); if (d) { b(); break; } f(); } while (e); g();"));
    StatementFlow<Set<String>> flow = new StatementFlow<>(new Calls(true));
    flow.run(body("while (c) { if (d) break; do { break; } while (e); }"), Set.of());
    assertEquals(List.of(), flow.pending());
  }

  @Test
  void aContinueEndsTheRound() {
    assertEquals("[a]", must("do { a(); if (d) continue; b(); } while (e);"));
    // the continue lands before the update, not after the loop
    assertEquals("[a]", mustBefore("for (; c; y()) { a(); if (d) continue; b(); }").get("y").toString());
    assertEquals("{a=[], b=[a], f=[a, b]}", mayBefore("do { a(); if (d) continue; b(); } while (e); f();").toString());
  }

  @Test
  void labeledBreakLeavesTheLabeledStatement() {
    assertEquals("[a, g]", must("l: { a(); if (d) break l; b(); } g();"));
    assertEquals("[a, g]", must("l: do { a(); do { if (d) break l; b(); } while (e); f(); } while (c); g();"));
  }

  @Test
  void labeledContinueEndsTheOuterRound() {
    // landing at the inner loop instead would give [a, f]
    assertEquals("[a]", must("outer: do { a(); do { if (d) continue outer; b(); } while (e); f(); } while (c);"));
  }

  @Test
  void aBreakOutOfTheStatementRunStaysPending() {
    BlockTree body = body("do { a(); if (d) { b(); break; } do { break; } while (c); } while (e);");
    StatementTree loopBody = ((com.sun.source.tree.DoWhileLoopTree) body.getStatements().get(0)).getStatement();
    StatementFlow<Set<String>> flow = new StatementFlow<>(new Calls(true));
    flow.run(loopBody, Set.of());
    assertEquals(1, flow.pending().size());
    assertTrue(flow.pending().get(0).jump() instanceof BreakTree);
    assertEquals("[a, b]", flow.pending().get(0).state().toString());
    assertTrue(flow.pending().get(0).target() != null); // javac's target: the loop outside
  }

  @Test
  void oldStyleCasesFallThrough() {
    Map<String, Set<String>> before =
        mayBefore("switch (k) { case 1: a(); case 2: b(); break; case 3: f(); break; default: g(); } y();");
    assertEquals("[]", before.get("a").toString());
    assertEquals("[a]", before.get("b").toString());
    assertEquals("[]", before.get("f").toString());
    assertEquals("[a, b, f, g]", before.get("y").toString());
    assertEquals("[]", must("switch (k) { case 1: a(); break; default: a(); }"));
  }

  @Test
  void theLastCaseEndsTheSwitch() {
    assertEquals("{a=[], b=[a], f=[a, b]}", mayBefore("switch (k) { case 1: break; case 2: a(); default: b(); } f();")
        .toString());
  }

  @Test
  void arrowCasesDoNotFallThrough() {
    Map<String, Set<String>> before =
        mayBefore("switch (k) { case 1 -> a(); case 2 -> { b(); } case 3 -> throw new Exception(); default -> f(); } g();");
    assertEquals("[]", before.get("b").toString());
    assertEquals("[]", before.get("f").toString());
    assertEquals("[a, b, f]", before.get("g").toString());
  }

  @Test
  void aSwitchExitCanSkipEveryCase() {
    Calls calls =
        new Calls(true) {
          @Override
          public Set<String> switchExit(SwitchTree switchTree, Set<String> in, Set<String> casesOut, Set<String> breaks) {
            return join(casesOut, breaks); // as if the switch were exhaustive
          }
        };
    assertEquals("[b]", run(calls, "switch (k) { case 1: a(); b(); break; case 2: b(); default: b(); }"));
    assertEquals("[]", must("switch (k) { case 1: a(); b(); break; case 2: b(); default: b(); }"));
  }

  @Test
  void tryCatchFinally() {
    assertEquals("[f, g]", must("try { a(); } catch (Exception e) { b(); } finally { f(); } g();"));
    assertEquals("[a]", must("try { a(); b(); } catch (RuntimeException e) { a(); }"));
    assertEquals("[a, b]", must("try { a(); b(); } finally { }"));
    assertEquals("{a=[], b=[], f=[a, b]}", mayBefore("try { a(); } catch (Exception e) { b(); } finally { f(); }").toString());
  }

  @Test
  void tryWithResourcesFollowsItsBlock() {
    assertEquals("[a]", must("try (Closer closer = open()) { a(); }"));
  }

  @Test
  void aJumpOutOfATryKeepsTheStateAtTheJump() {
    assertEquals("[a]", must("do { a(); try { if (d) break; b(); } finally { f(); } } while (e);"));
  }

  @Test
  void synchronizedFollowsItsBlock() {
    assertEquals("[a, b]", must("synchronized (this) { a(); } b();"));
  }

  @Test
  void aTransferCanKeepALoopOrSwitchWhole() {
    Calls calls =
        new Calls(true) {
          @Override
          public boolean enters(StatementTree loopOrSwitch) {
            return false;
          }
        };
    assertEquals(
        "[unentered SWITCH, unentered WHILE_LOOP]", run(calls, "while (c) { a(); } switch (k) { default: b(); }"));
  }

  @Test
  void aStatementInASequenceGoesThroughTheHook() {
    List<String> seen = new ArrayList<>();
    Calls calls =
        new Calls(true) {
          @Override
          public Set<String> afterInSequence(Tree container, StatementTree statement, Set<String> before, Set<String> out) {
            seen.add(container.getKind() + ":" + statement.getKind());
            return out;
          }
        };
    run(calls, "for (x(); c; ) { a(); } switch (k) { case 1: b(); }");
    assertEquals(
        List.of(
            "FOR_LOOP:EXPRESSION_STATEMENT", "BLOCK:EXPRESSION_STATEMENT", "BLOCK:FOR_LOOP", "CASE:EXPRESSION_STATEMENT",
            "BLOCK:SWITCH"),
        seen);
  }

  // ---------------------------------------------------------------- the project's transfers on the same shapes

  @Test
  void canCompleteNormallyKeepsItsConservativeAnswers() {
    assertTrue(completes("while (true) { }"));
    assertTrue(completes("switch (k) { case 1: return; default: return; }"));
    assertFalse(completes("l: { break l; }"));
    assertFalse(completes("System.exit(1);"));
    assertFalse(completes("if (c) return; else throw new Exception();"));
    assertTrue(completes("if (c) return;"));
    assertFalse(completes("try { return; } catch (RuntimeException e) { throw e; }"));
    assertTrue(completes("try { return; } catch (RuntimeException e) { }"));
    assertFalse(completes("try { a(); } finally { return; }"));
    assertFalse(completes("synchronized (this) { return; }"));
  }

  private static boolean completes(String body) {
    BlockTree block = body(body);
    return NormalCompletion.canCompleteNormally(block);
  }

  @Test
  void breaksOutSeesOnlyTheBreaksThatLeave() {
    assertTrue(breaksOut("if (c) break;"));
    assertFalse(breaksOut("do { break; } while (c);"));
    assertFalse(breaksOut("switch (k) { case 1: break; }"));
    assertFalse(breaksOut("l: { break l; }"));
    assertTrue(breaksOut("do { break outer; } while (c);"));
  }

  /** {@code body} as the body of a loop labeled outer. */
  private static boolean breaksOut(String body) {
    BlockTree method = body("outer: while (e) { " + body + " }");
    StatementTree loop = ((LabeledStatementTree) method.getStatements().get(0)).getStatement();
    return NormalCompletion.breaksOut(((com.sun.source.tree.WhileLoopTree) loop).getStatement());
  }
}
