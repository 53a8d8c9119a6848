package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.CompileStates;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.util.Options;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The top-level source classes whose bodies the analysis may read: with {@code -XDcompilePolicy=simple}, every class
 * of the compilation (javac attributes them all before Error Prone analyses the first, and desugars none until Error
 * Prone is done with the last); under any other policy only the compilation unit being analysed, because the others
 * are not attributed yet or already desugared. A class outside this set is opaque, like a library.
 *
 * <p>Cost: one pass over javac's environments of the source classes, once per compilation.
 */
public final class VisibleClasses {
  private VisibleClasses() {}

  /** Whether other compilation units can be read while one is analysed. */
  static boolean seesWholeCompilation(VisitorState state) {
    return "simple".equals(Options.instance(state.context).get("compilePolicy"));
  }

  /** The top-level classes of every compilation unit that can be read, ordered by file and position. */
  static List<TreePath> ofCompilation(VisitorState state) {
    CompileStates compileStates = CompileStates.instance(state.context);
    Map<CompilationUnitTree, TreePath> unitPaths = new IdentityHashMap<>();
    Map<CompilationUnitTree, String> fileNames = new IdentityHashMap<>();
    List<SortedClass> found = new ArrayList<>();
    for (Env<AttrContext> env : Enter.instance(state.context).getEnvs()) {
      if (env.tree instanceof JCClassDecl classTree
          && classTree.sym != null
          && classTree.sym.owner instanceof PackageSymbol
          && env.toplevel != null
          && isAttributedNotLowered(compileStates, env)) {
        // A top-level class is a child of its unit: its path is built, not searched for.
        TreePath unitPath = unitPaths.computeIfAbsent(env.toplevel, TreePath::new);
        found.add(
            new SortedClass(
                new TreePath(unitPath, classTree),
                fileNames.computeIfAbsent(env.toplevel, unit -> unit.getSourceFile().toUri().toString()),
                classTree.getStartPosition()));
      }
    }
    found.sort(Comparator.comparing(SortedClass::file).thenComparingInt(SortedClass::position));
    List<TreePath> classes = new ArrayList<>(found.size());
    for (SortedClass sorted : found) {
      classes.add(sorted.path());
    }
    return classes;
  }

  /** A class with the keys of source order, each computed once. */
  private record SortedClass(TreePath path, String file, int position) {}

  /** Whether javac has attributed the class of {@code env} and not yet lowered it: its trees can be read. */
  static boolean isAttributedNotLowered(CompileStates compileStates, Env<AttrContext> env) {
    return compileStates.isDone(env, CompileStates.CompileState.ATTR)
        && !compileStates.isDone(env, CompileStates.CompileState.TRANSTYPES);
  }

  /** The path to the top-level class around {@code path} (the path itself when no class is around it). */
  static TreePath topLevelClassPath(TreePath path) {
    TreePath outermost = path;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree) {
        outermost = current;
      }
    }
    return outermost;
  }

  /**
   * The top-level class that holds the symbol, or null. Unlike {@code Symbol.outermostClass()}, never fails on the
   * placeholder owners javac gives symbols it creates while attributing lambdas.
   */
  public static @Nullable ClassSymbol topLevelClass(@Nullable Symbol symbol) {
    for (Symbol current = symbol; current != null; current = current.owner) {
      if (current instanceof ClassSymbol classSymbol && classSymbol.owner instanceof PackageSymbol) {
        return classSymbol;
      }
    }
    return null;
  }

  /** The top-level classes of one compilation unit. */
  static List<TreePath> ofUnit(CompilationUnitTree unit) {
    List<TreePath> classes = new ArrayList<>();
    TreePath unitPath = new TreePath(unit);
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree) {
        classes.add(new TreePath(unitPath, declaration));
      }
    }
    return classes;
  }
}
