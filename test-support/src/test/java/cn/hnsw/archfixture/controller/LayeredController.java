package cn.hnsw.archfixture.controller;

/** Fixture: a layer package named "controller". */
public class LayeredController {
}
