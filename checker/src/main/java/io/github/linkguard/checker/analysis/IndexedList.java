package io.github.linkguard.checker.analysis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of trees (a block's statements, a switch's cases) indexed once. javac's {@code List} is linked: its {@code
 * get(i)}, {@code indexOf} and {@code size()} each walk it, so a loop of them over one block costs the block's length
 * squared. Building this costs one walk; every lookup after it, O(1).
 */
final class IndexedList<T> {
  private final List<T> elements;
  private final Map<Object, Integer> positions = new IdentityHashMap<>();

  IndexedList(List<? extends T> list) {
    this.elements = new ArrayList<>(list);
    for (int i = 0; i < elements.size(); i++) {
      positions.putIfAbsent(elements.get(i), i);
    }
  }

  /** The position of {@code element} (the same object), or -1. */
  int indexOf(Object element) {
    Integer position = positions.get(element);
    return position == null ? -1 : position;
  }

  T get(int index) {
    return elements.get(index);
  }

  int size() {
    return elements.size();
  }
}
