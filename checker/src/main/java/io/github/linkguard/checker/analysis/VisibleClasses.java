package io.github.linkguard.checker.analysis;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Kinds;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.comp.AttrContext;
import com.sun.tools.javac.comp.CompileStates;
import com.sun.tools.javac.comp.Enter;
import com.sun.tools.javac.comp.Env;
import com.sun.tools.javac.tree.JCTree.JCClassDecl;
import com.sun.tools.javac.util.Options;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The top-level source classes whose bodies the analysis may read: with {@code -XDcompilePolicy=simple}, every class
 * of the compilation (javac attributes them all before Error Prone analyses the first, and desugars none until Error
 * Prone is done with the last); under any other policy only the compilation unit being analysed, because the others
 * are not attributed yet or already desugared. A class outside this set is opaque, like a library.
 *
 * <p>Cost: one pass over javac's table of loaded classes (libraries included), once per compilation.
 */
final class VisibleClasses {
  private VisibleClasses() {}

  /** Whether other compilation units can be read while one is analysed. */
  static boolean seesWholeCompilation(VisitorState state) {
    return "simple".equals(Options.instance(state.context).get("compilePolicy"));
  }

  /** The top-level classes of every compilation unit that can be read, ordered by file and position. */
  static List<TreePath> ofCompilation(VisitorState state) {
    Enter enter = Enter.instance(state.context);
    CompileStates compileStates = CompileStates.instance(state.context);
    List<TreePath> classes = new ArrayList<>();
    for (ClassSymbol symbol : state.getSymtab().getAllClasses()) {
      if (symbol.owner == null || symbol.owner.kind != Kinds.Kind.PCK) {
        continue;
      }
      Env<AttrContext> env = enter.getEnv(symbol);
      if (env == null || !(env.tree instanceof JCClassDecl) || env.toplevel == null) {
        continue; // a class from a class file: no source here
      }
      CompileStates.CompileState reached = compileStates.get(env);
      // flags_field, not flags(): reading the field completes nothing
      if ((symbol.flags_field & Flags.UNATTRIBUTED) != 0
          || (reached != null && reached.isAfter(CompileStates.CompileState.FLOW))) {
        continue;
      }
      classes.add(TreePath.getPath(env.toplevel, env.tree));
    }
    classes.sort(
        Comparator.comparing((TreePath path) -> path.getCompilationUnit().getSourceFile().toUri().toString())
            .thenComparingInt(path -> ((JCClassDecl) path.getLeaf()).getStartPosition()));
    return classes;
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
