package io.github.linkguard.checker.analysis;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A tree scanner that knows the path to the tree it visits, as {@link com.sun.source.util.TreePathScanner} does, but
 * makes {@link TreePath} objects only for the trees that ask for theirs ({@link #getCurrentPath}) and for their
 * ancestors, once each. The one walk over a whole compilation ({@link ClassScan}) visits every tree and keeps the
 * paths of few: a path object per tree was a good part of what that walk allocated.
 *
 * <p>Cost: constant per tree visited (a push and a pop on an array stack); a path costs the levels not yet made.
 */
abstract class LazyPathScanner<R, P> extends TreeScanner<R, P> {
  private Tree[] trees = new Tree[64];
  private TreePath[] paths = new TreePath[64];
  private int depth;

  /** Scans the leaf of {@code path} and everything below it; {@code path} is the root's path. */
  public R scan(TreePath path, P p) {
    push(path.getLeaf(), path);
    try {
      return path.getLeaf().accept(this, p);
    } finally {
      pop();
    }
  }

  @Override
  public R scan(Tree tree, P p) {
    if (tree == null) {
      return null;
    }
    push(tree, null);
    try {
      return tree.accept(this, p);
    } finally {
      pop();
    }
  }

  /** The path of the tree being visited, made from the nearest ancestor whose path exists. */
  final TreePath getCurrentPath() {
    int made = depth - 1;
    while (paths[made] == null) {
      made--; // the root's path always exists
    }
    for (int level = made + 1; level < depth; level++) {
      paths[level] = new TreePath(paths[level - 1], trees[level]);
    }
    return paths[depth - 1];
  }

  private void push(Tree tree, @Nullable TreePath path) {
    if (depth == trees.length) {
      trees = Arrays.copyOf(trees, depth * 2);
      paths = Arrays.copyOf(paths, depth * 2);
    }
    trees[depth] = tree;
    paths[depth] = path;
    depth++;
  }

  private void pop() {
    depth--;
    trees[depth] = null;
    paths[depth] = null;
  }
}
