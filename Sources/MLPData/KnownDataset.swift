/// An IDX image data set that mlpsh knows how to find, download and verify: MNIST and
/// Fashion-MNIST.
///
/// Each has four files (training images and labels, test images and labels). The checksums
/// are SHA-256 sums of the UNCOMPRESSED files, because the `.gz` wrappers differ between
/// mirrors and packages while the content does not.
public struct KnownDataset: Sendable, Equatable {
  /// The name the language uses: "mnist", "fashion-mnist".
  public var name: String
  /// The name of each class, in label order.
  public var classNames: [String]
  /// The four files, in the order training images, training labels, test images, test labels.
  public var files: [KnownFile]
  /// Base addresses to download from, tried in turn; each file is `<base><file name>.gz`.
  public var mirrors: [String]
  /// Folders a system package installs the files into, searched after `MLPSH_DATA`.
  public var systemFolders: [String]

  public init(name: String, classNames: [String], files: [KnownFile], mirrors: [String], systemFolders: [String] = []) {
    precondition(files.count == 4, "an IDX data set has four files, not \(files.count)")
    self.name = name
    self.classNames = classNames
    self.files = files
    self.mirrors = mirrors
    self.systemFolders = systemFolders
  }

  /// The training images file.
  public var trainImages: KnownFile { files[0] }
  /// The training labels file.
  public var trainLabels: KnownFile { files[1] }
  /// The test images file.
  public var testImages: KnownFile { files[2] }
  /// The test labels file.
  public var testLabels: KnownFile { files[3] }

  /// Both IDX data sets mlpsh knows.
  public static let all: [KnownDataset] = [.mnist, .fashionMNIST]

  /// MNIST handwritten digits (LeCun, Cortes, Burges; CC BY-SA 3.0).
  ///
  /// Checksums: the SHA-256 of each uncompressed canonical file, as listed in the project's
  /// shared `data/mnist/SHA256SUMS-uncompressed` (the MD5 sums of the same content are the
  /// well-known ones, e.g. 6bbc9ace898e44ae57da46a324031adb for the training images).
  public static let mnist = KnownDataset(
    name: "mnist",
    classNames: (0 ... 9).map(String.init),
    files: [
      KnownFile(name: "train-images-idx3-ubyte", size: 47_040_016,
                sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
      KnownFile(name: "train-labels-idx1-ubyte", size: 60_008,
                sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
      KnownFile(name: "t10k-images-idx3-ubyte", size: 7_840_016,
                sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
      KnownFile(name: "t10k-labels-idx1-ubyte", size: 10_008,
                sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
    ],
    mirrors: [
      "https://ossci-datasets.s3.amazonaws.com/mnist/",
      "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ]
  )

  /// Fashion-MNIST (Zalando Research; MIT licence).
  ///
  /// Checksums: computed from the files of Debian's `dataset-fashion-mnist` package
  /// (version 0.0~git20200523.55506a9-1) after gunzip; their MD5 sums (f4a8712d7a061bf5bd6d2ca38dc4d50a
  /// for the training images, 9018921c3c673c538a1fc5bad174d6f9, 8181f5470baa50b63fa0f6fddb340f0a,
  /// 15d484375f8d13e6eb1aabb0c3f46965) are those of the upstream repository's files. The mirror
  /// is the one the upstream README links to.
  public static let fashionMNIST = KnownDataset(
    name: "fashion-mnist",
    classNames: ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                 "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"],
    files: [
      KnownFile(name: "train-images-idx3-ubyte", size: 47_040_016,
                sha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
      KnownFile(name: "train-labels-idx1-ubyte", size: 60_008,
                sha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
      KnownFile(name: "t10k-images-idx3-ubyte", size: 7_840_016,
                sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
      KnownFile(name: "t10k-labels-idx1-ubyte", size: 10_008,
                sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
    ],
    mirrors: [
      "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
    ],
    systemFolders: ["/usr/share/datasets/fashion-mnist"]
  )
}

/// One file of a known data set.
public struct KnownFile: Sendable, Equatable {
  /// The canonical name without `.gz`: "train-images-idx3-ubyte".
  public var name: String
  /// The size of the uncompressed file in bytes.
  public var size: Int
  /// The SHA-256 of the uncompressed file, in lower-case hex.
  public var sha256: String

  public init(name: String, size: Int, sha256: String) {
    self.name = name
    self.size = size
    self.sha256 = sha256
  }

  /// The name on the mirrors and in the cache: "train-images-idx3-ubyte.gz".
  public var compressedName: String { name + ".gz" }
}
