package com.example.apps.elevator;

import com.microsoft.azure.sdk.iot.device.DeviceClient;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodCallback;
import com.microsoft.azure.sdk.iot.device.DeviceTwin.DeviceMethodData;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;

import java.io.IOException;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Elevator bank monitor (SDK 1.x): a bank controller identity plus one identity per car. Reports trips,
 * door cycles and faults; the service company resets faults remotely.
 */
public class ElevatorBankMonitor {
    private static final Logger LOG = Logger.getLogger(ElevatorBankMonitor.class.getName());

    enum CarState { IN_SERVICE, OUT_OF_SERVICE, FAULT, INSPECTION }

    private final String bankConnectionString;
    private final Map<String, String> carConnectionStrings;
    private DeviceClient bankClient;
    private final Map<String, DeviceClient> cars = new ConcurrentHashMap<>();
    private final Map<String, CarState> carStates = new ConcurrentHashMap<>();
    private final ExecutorService linkPool = Executors.newFixedThreadPool(2);
    private final ScheduledExecutorService telemetry = Executors.newSingleThreadScheduledExecutor();

    ElevatorBankMonitor(String bankConnectionString, Map<String, String> carConnectionStrings) {
        this.bankConnectionString = bankConnectionString;
        this.carConnectionStrings = carConnectionStrings;
    }

    /** Bank controller link. */
    private final IotHubConnectionStatusChangeCallback bankStatus = (status, reason, cause, context) -> {
        LOG.info("bank link " + status + " / " + reason);
        switch (status) {
            case CONNECTED -> LOG.fine("bank online");
            case DISCONNECTED_RETRYING -> LOG.info("bank link retrying");
            // expect: IotHubReopenAfterClientClose
            case DISCONNECTED -> linkPool.execute(this::reopenBank);
        }
    };

    /** One per car; the car id is the callback context. */
    private final class CarStatus implements IotHubConnectionStatusChangeCallback {
        @Override
        public void execute(IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason, Throwable cause, Object context) {
            String carId = (String) context;
            DeviceClient car = cars.get(carId);
            switch (status) {
                case CONNECTED:
                    LOG.fine(carId + " online");
                    break;
                case DISCONNECTED_RETRYING:
                // expect: IotHubReopenAfterClientClose
                case DISCONNECTED:
                    LOG.warning(carId + " link lost (" + reason + "), kicking it");
                    try {
                        // expect: IotHubOpenWithoutStatusGuard
                        car.open();
                    } catch (IOException e) {
                        LOG.log(Level.WARNING, carId + " reopen failed", e);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    void start() throws IOException, URISyntaxException {
        bankClient = new DeviceClient(bankConnectionString, IotHubClientProtocol.AMQPS);
        bankClient.registerConnectionStatusChangeCallback(bankStatus, null);
        bankClient.open();
        bankClient.subscribeToDeviceMethod(new ServiceMethods(), null, (code, ctx) -> LOG.fine("methods " + code), null);

        CarStatus carStatus = new CarStatus();
        for (Map.Entry<String, String> e : carConnectionStrings.entrySet()) {
            DeviceClient car = new DeviceClient(e.getValue(), IotHubClientProtocol.AMQPS);
            car.registerConnectionStatusChangeCallback(carStatus, e.getKey());
            car.open();
            cars.put(e.getKey(), car);
            carStates.put(e.getKey(), CarState.IN_SERVICE);
        }
        telemetry.scheduleAtFixedRate(this::reportTrips, 0, 1, TimeUnit.MINUTES);
    }

    private void reopenBank() {
        try {
            bankClient.closeNow();
            bankClient.open();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "bank reopen failed", e);
        }
    }

    private void reportTrips() {
        cars.forEach((carId, car) -> {
            ThreadLocalRandom r = ThreadLocalRandom.current();
            String json = String.format(Locale.ROOT, "{\"car\":\"%s\",\"trips\":%d,\"doorCycles\":%d,\"state\":\"%s\"}",
                    carId, r.nextInt(10, 60), r.nextInt(20, 140), carStates.get(carId));
            car.sendEventAsync(new Message(json), (code, ctx) -> {
                if (code != IotHubStatusCode.OK && code != IotHubStatusCode.OK_EMPTY) {
                    LOG.fine(carId + ": " + code);
                }
            }, null);
        });
    }

    private final class ServiceMethods implements DeviceMethodCallback {
        @Override
        public DeviceMethodData call(String methodName, Object methodData, Object context) {
            String carId = String.valueOf(methodData).replace("\"", "");
            switch (methodName) {
                case "resetFault":
                    carStates.put(carId, CarState.IN_SERVICE);
                    return new DeviceMethodData(200, carId + " back in service");
                case "inspection":
                    carStates.put(carId, CarState.INSPECTION);
                    return new DeviceMethodData(200, null);
                case "relinkCar": {
                    DeviceClient car = cars.get(carId);
                    if (car == null) {
                        return new DeviceMethodData(404, "no such car");
                    }
                    try {
                        car.closeNow();
                    } catch (IOException e) {
                        LOG.log(Level.FINE, "closeNow failed, opening anyway", e);
                    }
                    try {
                        car.open();
                        return new DeviceMethodData(200, carId + " relinked");
                    } catch (IOException e) {
                        return new DeviceMethodData(500, e.getMessage());
                    }
                }
                case "listCars":
                    return new DeviceMethodData(200, List.copyOf(cars.keySet()).toString());
                default:
                    return new DeviceMethodData(404, "unknown");
            }
        }
    }

    void stop() {
        telemetry.shutdownNow();
        linkPool.shutdownNow();
        for (DeviceClient car : cars.values()) {
            try {
                car.closeNow();
            } catch (IOException e) {
                LOG.log(Level.FINE, "car close failed", e);
            }
        }
        try {
            if (bankClient != null) {
                bankClient.closeNow();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "bank close failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> cars = new ConcurrentHashMap<>();
        for (String id : new String[] {"A", "B", "C", "D"}) {
            cars.put("car-" + id, System.getenv("CAR_" + id + "_CS"));
        }
        ElevatorBankMonitor monitor = new ElevatorBankMonitor(System.getenv("BANK_CS"), cars);
        Runtime.getRuntime().addShutdownHook(new Thread(monitor::stop));
        monitor.start();
        Thread.currentThread().join();
    }
}
