package dev.currents.agent.bootstrap;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Attaches a value to an object the agent does not own (a connection, a request) without keeping it alive and
 * without adding fields to classes that may already be loaded. Lock-free reads; stale entries are dropped as
 * new ones are added.
 */
public final class WeakIdentityMap<K, V> {

  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<K> queue = new ReferenceQueue<>();

  public V get(K key) {
    return map.get(new LookupKey(key));
  }

  public void put(K key, V value) {
    expungeStale();
    map.put(new WeakKey<>(key, queue), value);
  }

  /** Puts the value unless the key has one; returns the value now attached. */
  public V putIfAbsent(K key, V value) {
    expungeStale();
    V existing = map.putIfAbsent(new WeakKey<>(key, queue), value);
    return existing != null ? existing : value;
  }

  /** Detaches and returns the key's value, or null. */
  public V remove(K key) {
    return map.remove(new LookupKey(key));
  }

  /** Cheap enough for a hot path that only needs the map when something is in it. */
  public boolean isEmpty() {
    return map.isEmpty();
  }

  public int size() {
    expungeStale();
    return map.size();
  }

  private void expungeStale() {
    Object stale;
    while ((stale = queue.poll()) != null) {
      map.remove(stale);
    }
  }

  private static final class WeakKey<K> extends WeakReference<K> {
    private final int hash;

    WeakKey(K referent, ReferenceQueue<K> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      if (other instanceof WeakKey) {
        Object referent = get();
        return referent != null && referent == ((WeakKey<?>) other).get();
      }
      return other instanceof LookupKey && get() == ((LookupKey) other).referent;
    }
  }

  /** A strong, short-lived key for lookups, equal to the weak key of the same object. */
  private static final class LookupKey {
    private final Object referent;
    private final int hash;

    LookupKey(Object referent) {
      this.referent = referent;
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (other instanceof WeakKey) {
        return ((WeakKey<?>) other).get() == referent;
      }
      return other instanceof LookupKey && ((LookupKey) other).referent == referent;
    }
  }
}
