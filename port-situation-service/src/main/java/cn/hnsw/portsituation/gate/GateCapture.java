package cn.hnsw.portsituation.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a gate collects about one vehicle or person (S4 §2.4, field lists as the tender gives them), as the gate
 * management and control system sends it, sealed. Which parts a gate must send is its {@link CaptureKind}.
 */
public record GateCapture(String gateCode, Integer lane, Instant capturedAt, VehicleCapture vehicle,
                          VehicleTicket vehicleTicket, List<PersonTicket> persons, Boarding boarding,
                          WeighbridgeReading weighbridge, String xrayImageRef, Map<String, String> inspectionHouse,
                          PersonInspection face, TruckAppointment appointment, String containerNumber) {

    /** 车辆抓拍结构化信息 */
    public record VehicleCapture(String plateNumber, String vehicleType, String plateType, String snapshotRef) {
    }

    /** 车辆购票信息 / 随车船票信息 */
    public record VehicleTicket(String ticketId, Instant purchasedAt, String voyage, String driverName,
                                String driverIdNumber, String plateNumber, String vesselName, Instant departureTime,
                                Instant arrivalTime, String departurePort, String arrivalPort) {
    }

    /** 随车人员（含司机）/ 人员票务信息 */
    public record PersonTicket(String ticketId, String vehicleTicketId, String plateNumber, boolean driver, String name,
                               String idNumber, String vesselName, String voyage, Instant departureTime,
                               Instant arrivalTime, String departurePort, String arrivalPort) {
    }

    /** 登船信息 */
    public record Boarding(String vesselName, String voyage, Instant boardingTime, Instant estimatedDeparture,
                           Instant estimatedArrival, String departurePort, String arrivalPort) {
    }

    /** 地磅 */
    public record WeighbridgeReading(Integer grossKg, Integer tareKg) {
    }

    /** 人员查验：人脸照片、身份证号、姓名 */
    public record PersonInspection(String facePhotoRef, String idNumber, String name) {
    }

    /** 车辆预约进场 */
    public record TruckAppointment(String appointmentId, Instant appointmentTime, String driverName,
                                   String driverIdNumber) {
    }
}
