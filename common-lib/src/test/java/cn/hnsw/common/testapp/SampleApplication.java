package cn.hnsw.common.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service built on common-lib, for testing the library through HTTP as a real service uses it. */
@SpringBootApplication
public class SampleApplication {
}
