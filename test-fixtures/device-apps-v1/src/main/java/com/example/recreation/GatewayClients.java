package com.example.recreation;

import com.microsoft.azure.sdk.iot.device.*;
import java.util.Map;
import java.util.concurrent.*;

public class GatewayClients {
    private final Map<String, DeviceClient> clients = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    public void startAll(Map<String, String> conn) throws Exception {
        for (Map.Entry<String, String> e : conn.entrySet()) {
            DeviceClient c = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            clients.put(e.getKey(), c);
            c.open(false);
        }
    }

    public void onCredentialsChanged(String id, String cs) {
        pool.submit(() -> swapNaive(id, cs));
        pool.submit(() -> swapRemoveThenClose(id, cs));
        pool.submit(() -> swapClosePrevious(id, cs));
        pool.submit(() -> swapReplace(id, cs));
        pool.submit(() -> swapIfAbsent(id, cs));
        pool.submit(() -> swapMerge(id, cs));
        pool.submit(() -> swapComputeClosing(id, cs));
        pool.submit(() -> swapCompute(id, cs));
        pool.submit(() -> swapGetThenClose(id, cs));
    }

    void swapNaive(String id, String cs) {
        try {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            // expect: IotHubClientReplacedWithoutClose
            clients.put(id, c);
            c.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapRemoveThenClose(String id, String cs) {
        try {
            DeviceClient old = clients.remove(id);
            if (old != null) {
                old.close();
            }
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            clients.put(id, c);
            c.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapGetThenClose(String id, String cs) {
        try {
            DeviceClient old = clients.get(id);
            if (old != null) {
                old.close();
            }
            clients.put(id, new DeviceClient(cs, IotHubClientProtocol.AMQPS));
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapClosePrevious(String id, String cs) {
        try {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            DeviceClient prev = clients.put(id, c);
            if (prev != null) {
                prev.close();
            }
            c.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapReplace(String id, String cs) {
        try {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            // expect: IotHubClientReplacedWithoutClose
            clients.replace(id, c);
            c.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapIfAbsent(String id, String cs) {
        try {
            DeviceClient c = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            DeviceClient existing = clients.putIfAbsent(id, c);
            if (existing == null) {
                c.open(false);
            }
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapMerge(String id, String cs) {
        try {
            DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            // expect: IotHubClientReplacedWithoutClose
            clients.merge(id, fresh, (a, b) -> b);
            fresh.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapComputeClosing(String id, String cs) {
        try {
            DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            clients.compute(id, (k, old) -> { closeQuietly(old); return fresh; });
            fresh.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    void swapCompute(String id, String cs) {
        try {
            DeviceClient fresh = new DeviceClient(cs, IotHubClientProtocol.AMQPS);
            // expect: IotHubClientReplacedWithoutClose
            clients.compute(id, (k, old) -> fresh);
            fresh.open(false);
        } catch (Exception e) {
            System.err.println(e);
        }
    }

    private static void closeQuietly(DeviceClient c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println(e);
        }
    }
}
