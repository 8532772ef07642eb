package cn.hnsw.archfixture;

/** Fixture: a class in the base package instead of a feature package. */
public class LooseHelper {
}
