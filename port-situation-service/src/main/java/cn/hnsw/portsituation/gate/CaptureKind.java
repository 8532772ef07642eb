package cn.hnsw.portsituation.gate;

import java.util.ArrayList;
import java.util.List;

/** What a gate must collect (the first FP of each gate names it). A capture missing any of it is refused. */
public enum CaptureKind {
    /** vehicle capture linked to its ticket and every accompanying person, the driver flagged (823, 831, 846, 881, 926) */
    VEHICLE_TICKET,
    /** vehicle capture with snapshot and the boarding voyage (825, 841, 861, 891, 936) */
    VEHICLE_BOARDING,
    /** person ticket with voyage (827, 866) */
    PERSON_TICKET,
    /** person boarding: name, ID, vessel, voyage, times, ports (829, 876) */
    PERSON_BOARDING,
    /** weighbridge, X-ray, inspection house and vehicle data, before the vehicle passes (836, 851, 856, 886, 901, 916, 931) */
    CARGO_INSPECTION,
    /** face photo, ID number, name and inspection-house data (871) */
    PERSON_INSPECTION,
    /** truck appointment and container (896, 911) */
    CONTAINER_APPOINTMENT,
    /** vehicle and container at the yard gate (906, 921) */
    CONTAINER_YARD;

    /** The fields of the capture this gate needs and did not get. */
    public List<String> missing(GateCapture c) {
        List<String> missing = new ArrayList<>();
        switch (this) {
            case VEHICLE_TICKET -> {
                vehicle(c, missing);
                if (c.vehicleTicket() == null || blank(c.vehicleTicket().ticketId())) {
                    missing.add("vehicleTicket.ticketId");
                }
                if (c.persons() == null || c.persons().isEmpty()) {
                    missing.add("persons");
                } else if (c.persons().stream().noneMatch(GateCapture.PersonTicket::driver)) {
                    missing.add("persons[driver=true]");
                }
            }
            case VEHICLE_BOARDING -> {
                vehicle(c, missing);
                boarding(c, missing);
            }
            case PERSON_TICKET -> {
                if (c.persons() == null || c.persons().isEmpty()) {
                    missing.add("persons");
                } else {
                    for (GateCapture.PersonTicket p : c.persons()) {
                        if (blank(p.ticketId()) || blank(p.idNumber()) || blank(p.voyage())) {
                            missing.add("persons[].ticketId/idNumber/voyage");
                            break;
                        }
                    }
                }
            }
            case PERSON_BOARDING -> {
                if (c.persons() == null || c.persons().isEmpty()) {
                    missing.add("persons");
                }
                boarding(c, missing);
            }
            case CARGO_INSPECTION -> {
                vehicle(c, missing);
                if (c.weighbridge() == null || c.weighbridge().grossKg() == null || c.weighbridge().tareKg() == null) {
                    missing.add("weighbridge.grossKg/tareKg");
                }
                if (blank(c.xrayImageRef())) {
                    missing.add("xrayImageRef");
                }
            }
            case PERSON_INSPECTION -> {
                if (c.face() == null || blank(c.face().facePhotoRef()) || blank(c.face().idNumber())
                        || blank(c.face().name())) {
                    missing.add("face.facePhotoRef/idNumber/name");
                }
            }
            case CONTAINER_APPOINTMENT -> {
                vehicle(c, missing);
                if (c.appointment() == null || c.appointment().appointmentTime() == null
                        || blank(c.appointment().driverName())) {
                    missing.add("appointment.appointmentTime/driverName");
                }
                container(c, missing);
            }
            case CONTAINER_YARD -> {
                vehicle(c, missing);
                container(c, missing);
            }
        }
        return missing;
    }

    private static void vehicle(GateCapture c, List<String> missing) {
        if (c.vehicle() == null || blank(c.vehicle().plateNumber())) {
            missing.add("vehicle.plateNumber");
        }
    }

    private static void boarding(GateCapture c, List<String> missing) {
        if (c.boarding() == null || blank(c.boarding().vesselName()) || blank(c.boarding().voyage())) {
            missing.add("boarding.vesselName/voyage");
        }
    }

    private static void container(GateCapture c, List<String> missing) {
        if (blank(c.containerNumber())) {
            missing.add("containerNumber");
        } else if (!ContainerNumbers.valid(c.containerNumber())) {
            missing.add("containerNumber(ISO 6346 check digit)");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
