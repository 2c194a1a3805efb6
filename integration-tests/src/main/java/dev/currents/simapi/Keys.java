package dev.currents.simapi;

import java.util.Set;

/** The configured credentials: organisation API keys (read-write or read-only) and record keys. */
final class Keys {
    private final Set<String> readWrite;
    private final Set<String> readOnly;
    private final Set<String> record;

    Keys(Set<String> readWrite, Set<String> readOnly, Set<String> record) {
        this.readWrite = Set.copyOf(readWrite);
        this.readOnly = Set.copyOf(readOnly);
        this.record = Set.copyOf(record);
    }

    boolean isApiKey(String key) {
        return readWrite.contains(key) || readOnly.contains(key);
    }

    boolean canWrite(String apiKey) {
        return readWrite.contains(apiKey);
    }

    boolean isRecordKey(String key) {
        return record.contains(key);
    }
}
