package cn.hnsw.portsituation.kpi;

/**
 * What the indicator system of one port is computed from (null where the port has no such data yet).
 *
 * @param facilities        monitored facilities; {@code facilitiesOnline} of them online
 * @param entriesToday      today's entries of every flow at the port
 * @param passesDecided     today's gate passes with a supervision decision; {@code passesReleased} of them released
 * @param gates             gates of the port; {@code gatesOnline} of them online
 * @param documentContainers containers named by a document in the last 24 h; {@code matchedContainers} of those seen
 *                          in the logistics flow too, out of {@code anyContainers} in either
 * @param tradeValueCny     经济效益: today's declared goods value (all trades) of the cargo declarations at the port;
 *                          {@code tradeTonnes} their weight, {@code foreignTradeEnterprises} the enterprises declaring
 *                          foreign trade, {@code tariffCny} the customs duty
 */
public record PortFacts(String portCode, String nameZh, String nameEn, long facilities, long facilitiesOnline,
                        long entriesToday, long passesDecided, long passesReleased, long gates, long gatesOnline,
                        long anyContainers, long matchedContainers, double tradeValueCny, double tradeTonnes,
                        long foreignTradeEnterprises, double tariffCny) {
}
